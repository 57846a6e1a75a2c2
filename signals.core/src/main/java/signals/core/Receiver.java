package signals.core;

/**
 * Code that runs when a signal is sent: Django's receiver function.
 *
 * <p>A receiver learns which signal called it and for which sender, so one receiver can serve
 * several signals, as Django passes {@code signal=} and {@code sender=}:
 *
 * <pre>{@code
 * Receiver<Object> audit = (signal, sender, payload) ->
 *         log.info(signal.name() + " from " + sender + ": " + payload);
 * }</pre>
 *
 * <p>A receiver that needs to answer the sender is a {@link Responder} instead.
 *
 * @param <T> the payload type it accepts
 * @since 0.1
 */
@FunctionalInterface
public interface Receiver<T> {

    /**
     * Handles one send.
     *
     * <p>An unchecked exception reaches the sender as it is (and stops the send); a checked one
     * reaches the sender wrapped in a {@link ReceiverException}. {@link Signal#sendRobust} turns
     * either into this receiver's {@link Reply} instead.
     *
     * @param signal the signal that was sent, never null
     * @param sender the sender given to the send, may be null
     * @param payload the payload given to the send; null only for {@code Signal<Void>}
     * @throws Exception whatever the receiver's work throws
     */
    void receive(Signal<?> signal, Object sender, T payload) throws Exception;
}
