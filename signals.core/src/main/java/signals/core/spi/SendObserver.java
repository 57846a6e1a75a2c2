package signals.core.spi;

import java.util.Objects;
import signals.core.Signal;
import signals.core.internal.SpiBridge;

/**
 * Sees every send before its receivers run, and may keep them from running: the hook that test
 * tools (recording, per-thread muting) and diagnostics build on.
 *
 * <p>An installed observer is called once per send, by every form of send ({@code fire},
 * {@code send}, {@code sendRobust} and the asynchronous sends, in the calling thread, before the
 * task is handed to the executor), after the payload has been checked and whether or not any
 * receiver is connected. Observers are called in the order they were installed, every one of
 * them on every send; if any answers {@code false}, no receiver of that send runs.
 *
 * <pre>{@code
 * try (SendObserver.Installation recording = SendObserver.install((signal, sender, payload) -> {
 *     sent.add(signal.name());
 *     return true;                     // let the receivers run
 * })) {
 *     placeOrder();
 * }
 * }</pre>
 *
 * <p>While no observer is installed a send pays one volatile read for this feature. An observer
 * runs inside every send of every signal in the JVM: keep it short, and do not send from it. An
 * exception it throws reaches the sender, as a receiver's would.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface SendObserver {

    /**
     * Called before the receivers of a send are.
     *
     * @param signal the signal being sent
     * @param sender the sender, possibly null
     * @param payload the payload, already checked against the signal; null for {@code Void}
     * @return true to let the receivers run, false to skip every receiver of this send
     */
    boolean sending(Signal<?> signal, Object sender, Object payload);

    /**
     * Installs an observer for every signal in the JVM until the returned handle is closed.
     *
     * @param observer the observer, not null
     * @return the handle that removes it; closing it twice is harmless
     * @throws NullPointerException if the observer is null
     */
    static Installation install(SendObserver observer) {
        Objects.requireNonNull(observer, "observer");
        SpiBridge.machinery().install(observer);
        return new Installation(observer);
    }

    /**
     * An installed {@link SendObserver}; closing it removes the observer.
     *
     * @since 0.1
     */
    final class Installation implements AutoCloseable {

        private final SendObserver observer;
        private boolean open = true;

        private Installation(SendObserver observer) {
            this.observer = observer;
        }

        /** Removes the observer; later sends no longer call it. */
        @Override
        public synchronized void close() {
            if (open) {
                open = false;
                SpiBridge.machinery().uninstall(observer);
            }
        }
    }
}
