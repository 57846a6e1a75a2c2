package signals.relay;

import java.time.Instant;
import java.util.Objects;
import signals.core.Receiver;
import signals.core.Signal;

/**
 * The sender of a send that another instance made: what a receiver gets as its sender when a
 * relayed signal arrives through the broker. A receiver tells remote sends from local ones by
 * it, and drops duplicates by its {@link #id()}.
 *
 * <pre>{@code
 * ORDER_PAID.connect((signal, sender, order) -> {
 *     if (sender instanceof Remote remote && !seen.add(remote.id())) {
 *         return; // delivered twice: at-least-once
 *     }
 *     cache.evict(order.get("order"));
 * });
 * ORDER_PAID.connect(Remote.only((signal, remote, order) -> audit.remote(remote.instanceId(), order)));
 * }</pre>
 *
 * @param instanceId the id of the instance that sent it
 * @param sender the sender the sending instance gave, as text ({@code String.valueOf(sender)},
 *     cut at 200 characters); {@code "null"} for a null sender
 * @param id the send's id, the same for every delivery of that send, unique otherwise
 * @param sentAt when the sending instance relayed it (after its transaction committed)
 * @since 0.10
 */
public record Remote(String instanceId, String sender, String id, Instant sentAt) {

    /**
     * Creates a remote sender.
     *
     * @param instanceId the sending instance, not null
     * @param sender the sender's description, not null
     * @param id the send's id, not null
     * @param sentAt the time it was relayed, not null
     * @throws NullPointerException if an argument is null
     */
    public Remote {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /**
     * Wraps a receiver so that it hears remote sends only, with the {@link Remote} as its
     * sender: the filter that {@code ConnectOption.senderOrSubclassOf} cannot express, since it
     * matches senders that are classes.
     *
     * @param receiver the receiver of remote sends, not null
     * @param <T> the payload type
     * @return a receiver that calls it for remote sends and ignores local ones
     * @throws NullPointerException if the receiver is null
     */
    public static <T> Receiver<T> only(RemoteReceiver<? super T> receiver) {
        Objects.requireNonNull(receiver, "receiver");
        return (signal, sender, payload) -> {
            if (sender instanceof Remote) {
                receiver.receive(signal, (Remote) sender, payload);
            }
        };
    }

    /**
     * A receiver of remote sends, for {@link Remote#only}.
     *
     * @param <T> the payload type
     * @since 0.10
     */
    @FunctionalInterface
    public interface RemoteReceiver<T> {

        /**
         * Handles one remote send.
         *
         * @param signal the signal, never null
         * @param remote who sent it, never null
         * @param payload the decoded payload
         * @throws Exception whatever the receiver's work throws
         */
        void receive(Signal<?> signal, Remote remote, T payload) throws Exception;
    }
}
