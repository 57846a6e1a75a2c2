package signals.relay.spi;

import java.time.Duration;
import java.util.List;

/**
 * The relay's side of a {@link TransportSession}: who it is, and where messages from the other
 * instances go.
 *
 * @since 0.10
 */
public interface TransportContext {

    /**
     * The application's name: every instance of one application shares a stream, topic or
     * table named after it.
     *
     * @return letters, digits, {@code -} and {@code _} only, not empty
     */
    String application();

    /**
     * This instance's id, stable across restarts: the transport keeps the instance's position
     * under it.
     *
     * @return letters, digits, {@code -} and {@code _} only, not empty
     */
    String instanceId();

    /**
     * How long the broker keeps messages: an instance down for longer misses what is older.
     *
     * @return a positive duration
     */
    Duration retention();

    /**
     * Hands one message from the broker to the relay, which checks it, decodes it and sends
     * it to the local receivers, or logs, counts and skips it when it is malformed. Never
     * throws; acknowledge the message once it returns.
     *
     * @param message the message as the broker holds it, not null
     */
    void deliver(WireMessage message);

    /**
     * Hands messages read together to the relay, as {@link #deliver} does one at a time. The
     * difference: a relayed send that a receiver makes on this thread while the batch is
     * delivered waits for the end of the batch (for at most a few milliseconds), so that the
     * sends the batch causes leave together in one publish rather than the first one alone. Worth
     * it for a transport whose publish costs a round trip of its own, such as a commit. Never
     * throws; acknowledge the messages once it returns.
     *
     * @param messages the messages in the order the broker holds them, not null
     * @since 0.10
     */
    default void deliverAll(List<WireMessage> messages) {
        for (WireMessage message : messages) {
            deliver(message);
        }
    }
}
