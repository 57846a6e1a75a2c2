package signals.core;

import java.lang.System.Logger.Level;
import signals.core.internal.ProviderLoader;

/**
 * How receivers and their origins are named in messages, logs and the inventory, and the one
 * logger of this module.
 */
final class Descriptions {

    static final System.Logger LOG = System.getLogger("signals.core");

    private Descriptions() {
    }

    /** A receiver's name: its class, or for a lambda, the class that wrote it. */
    static String receiver(Object receiver) {
        if (receiver instanceof Link) {
            receiver = ((Link) receiver).receiver();
        }
        String name = receiver.getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda < 0 ? name + "@" + Integer.toHexString(System.identityHashCode(receiver))
                : "lambda in " + name.substring(0, lambda);
    }

    /** A class with its module, for messages that must say where to look. */
    static String where(Class<?> type) {
        return ProviderLoader.Found.describe(type);
    }

    /** Keeps a thread's interrupt visible when a receiver's InterruptedException is caught. */
    static void keepInterrupt(Throwable caught) {
        if (caught instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }

    static void logRobustFailure(Signal<?> signal, Object receiver, Throwable error) {
        LOG.log(Level.ERROR, () -> "Error calling " + receiver(receiver) + " in sendRobust of signal '"
                + signal.name() + "' (" + error + ")", error);
    }
}
