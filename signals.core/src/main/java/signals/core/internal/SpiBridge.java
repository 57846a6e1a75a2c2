package signals.core.internal;

import java.util.List;
import signals.core.Reply;
import signals.core.Signal;

/**
 * The one door from {@code signals.core.spi} into the package-private machinery of
 * {@code signals.core}: what adapter authors may do that applications may not. Public only
 * because both exported packages need it; this package is not exported, and on the class path,
 * where nothing is hidden, the door can be opened once only, by {@link Signal} itself.
 */
public final class SpiBridge {

    private static volatile Machinery machinery;

    private SpiBridge() {
    }

    /** What {@code signals.core} lends the SPI. */
    public interface Machinery {

        /**
         * Builds a signal that an adapter module fires.
         *
         * @param builder the signal's name and payload type, checked
         * @param adapterModule the adapter's module name
         * @param <T> the payload type
         * @return the new signal
         */
        <T> Signal<T> declareBuiltIn(Signal.Builder<T> builder, String adapterModule);

        /**
         * Fires as {@link Signal#fire} does, with every exception of a receiver wrapped in a
         * {@link signals.core.ReceiverException} naming the receiver and the signal.
         *
         * @param signal the signal
         * @param sender the sender
         * @param payload the payload
         * @param <T> the payload type
         */
        <T> void fireFromHost(Signal<T> signal, Object sender, T payload);

        /**
         * Sends as {@link Signal#sendRobust} does, without logging the failures, which the
         * host reports itself.
         *
         * @param signal the signal
         * @param sender the sender
         * @param payload the payload
         * @param <T> the payload type
         * @return one reply per receiver called
         */
        <T> List<Reply> sendRobustFromHost(Signal<T> signal, Object sender, T payload);

        /**
         * Tells whether any live receiver is connected, for any sender, on a signal that is not
         * muted; does not wait for discovery.
         *
         * @param signal the signal
         * @return true if at least one receiver could be called
         */
        boolean anyReceiver(Signal<?> signal);
    }

    /**
     * Opens the door; called once, by {@link Signal}'s class initializer.
     *
     * @param core the machinery
     * @throws IllegalStateException if it was opened before
     */
    public static synchronized void open(Machinery core) {
        if (machinery != null) {
            throw new IllegalStateException("signals.core's SPI bridge is already open");
        }
        machinery = core;
    }

    /**
     * Returns the machinery. Callers first touch {@link Signal} (a signal, or a static method
     * of it), whose initializer opens the door.
     *
     * @return the machinery, never null
     */
    public static Machinery machinery() {
        return machinery;
    }
}
