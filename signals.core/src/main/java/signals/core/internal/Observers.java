package signals.core.internal;

import java.util.Arrays;
import signals.core.Signal;
import signals.core.spi.SendObserver;

/**
 * The installed {@link SendObserver}s, read by every send. Public only because both exported
 * packages need it; the package is not exported.
 */
public final class Observers {

    private static final Object LOCK = new Object();

    // Null while none is installed, so that a send tests one field and moves on.
    private static volatile SendObserver[] installed;

    private Observers() {
    }

    /**
     * Tells the installed observers about a send.
     *
     * @param signal the signal
     * @param sender the sender
     * @param payload the payload
     * @return false if any observer asked to skip the receivers
     */
    public static boolean allow(Signal<?> signal, Object sender, Object payload) {
        SendObserver[] current = installed;
        if (current == null) {
            return true;
        }
        // Every observer hears every send, whatever an earlier one decided: a recorder installed
        // after a muting observer must still see the muted send.
        boolean deliver = true;
        for (SendObserver observer : current) {
            deliver &= observer.sending(signal, sender, payload);
        }
        return deliver;
    }

    /**
     * Tells whether any observer is installed.
     *
     * @return true if a send would call at least one observer
     */
    public static boolean any() {
        return installed != null;
    }

    /**
     * Installs an observer after the others.
     *
     * @param observer the observer
     */
    public static void install(SendObserver observer) {
        synchronized (LOCK) {
            SendObserver[] current = installed;
            SendObserver[] next = current == null ? new SendObserver[1] : Arrays.copyOf(current, current.length + 1);
            next[next.length - 1] = observer;
            installed = next;
        }
    }

    /**
     * Removes one installation of an observer.
     *
     * @param observer the observer
     */
    public static void uninstall(SendObserver observer) {
        synchronized (LOCK) {
            SendObserver[] current = installed;
            if (current == null) {
                return;
            }
            for (int i = 0; i < current.length; i++) {
                if (current[i] == observer) {
                    SendObserver[] next = new SendObserver[current.length - 1];
                    System.arraycopy(current, 0, next, 0, i);
                    System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                    installed = next.length == 0 ? null : next;
                    return;
                }
            }
        }
    }
}
