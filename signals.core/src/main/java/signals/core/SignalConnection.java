package signals.core;

import java.util.Optional;

/**
 * One receiver connected to one signal, as returned by {@link Signal#connect}. Closing it
 * disconnects the receiver, so a connection fits a try-with-resources block:
 *
 * <pre>{@code
 * try (SignalConnection c = PIZZA_DONE.connect(log::add)) {
 *     oven.bake();
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface SignalConnection extends AutoCloseable {

    /**
     * Returns the signal this connection belongs to.
     *
     * @return the signal, never null
     */
    Signal<?> signal();

    /**
     * Returns the receiver object that was connected: a {@link Receiver}, {@link Responder},
     * {@link WeakReceiver} or {@link WeakResponder}.
     *
     * @return the receiver, never null
     */
    Object receiver();

    /**
     * Returns the sender this connection is limited to.
     *
     * @return the sender, or empty when it receives from every sender
     */
    Optional<Object> sender();

    /**
     * Returns the dispatch uid it was connected with.
     *
     * @return the uid, or empty
     */
    Optional<String> dispatchUid();

    /**
     * Returns the name it was connected with ({@link ConnectOption#name}), which the inventory,
     * logs and error messages show beside the receiver.
     *
     * @return the name, or empty
     */
    Optional<String> name();

    /**
     * Returns the transaction phase it waits for ({@link ConnectOption#phase}).
     *
     * @return the phase, or empty for a receiver called during the send
     * @since 0.9
     */
    Optional<TransactionPhase> phase();

    /**
     * Describes who connected it: a {@link ReceiverProvider} class, or the class that called
     * {@code connect}, each with its module.
     *
     * @return a description such as {@code "provider com.example.Receivers (module com.example)"}
     */
    String origin();

    /**
     * Tells whether it is still connected: not disconnected, and for a weak connection, its
     * owner not yet collected.
     *
     * @return true while sends can reach the receiver
     */
    boolean isConnected();

    /**
     * Disconnects the receiver.
     *
     * @return true if this call disconnected it, false if it was already gone
     */
    boolean disconnect();

    /** Disconnects the receiver, as {@link #disconnect()} does. */
    @Override
    default void close() {
        disconnect();
    }
}
