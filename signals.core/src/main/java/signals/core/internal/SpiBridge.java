package signals.core.internal;

import java.util.List;
import signals.core.Reply;
import signals.core.Signal;
import signals.core.spi.HostEvent;
import signals.core.spi.SendObserver;

/**
 * The one door from {@code signals.core.spi} into the package-private machinery of
 * {@code signals.core}, on the JDK's {@code jdk.internal.access.SharedSecrets} pattern: an
 * interface that the core implements and registers once, from {@link Signal}'s class
 * initializer, and that the SPI calls. Nothing else crosses between the packages' insides.
 * Public only because both exported packages need it; this package is not exported, and on the
 * class path, where nothing is hidden, the door can be opened once only, by {@link Signal} itself.
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
         * Looks up the route of one host event.
         *
         * @param signal the signal
         * @param sender the sender
         * @param <T> the payload type
         * @return the event
         */
        <T> HostEvent<T> hostEvent(Signal<T> signal, Object sender);

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
         * Tells whether a send from any sender could reach an observer or a live receiver.
         *
         * @param signal the signal
         * @return false only when no send could reach anyone
         */
        boolean isHeard(Signal<?> signal);

        /**
         * Installs an observer after the others.
         *
         * @param observer the observer
         */
        void install(SendObserver observer);

        /**
         * Removes one installation of an observer.
         *
         * @param observer the observer
         */
        void uninstall(SendObserver observer);
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
     * Returns the machinery, initializing {@link Signal} first if nothing has yet: its
     * initializer opens the door.
     *
     * @return the machinery, never null
     */
    public static Machinery machinery() {
        Machinery open = machinery;
        if (open == null) {
            try {
                Class.forName(Signal.class.getName(), true, Signal.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("signals.core cannot find its own Signal class", e);
            }
            open = machinery;
        }
        return open;
    }
}
