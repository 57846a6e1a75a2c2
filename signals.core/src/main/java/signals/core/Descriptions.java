package signals.core;

import java.lang.System.Logger.Level;

/**
 * How receivers and their origins are named in messages, logs and the inventory, and the one
 * logger of this module.
 */
final class Descriptions {

    static final System.Logger LOG = System.getLogger("signals.core");

    private Descriptions() {
    }

    /**
     * A receiver's description: the name it was connected with, if any, then its class (for a
     * lambda, the class that wrote it). Given a connection, describes its receiver.
     */
    static String receiver(Object receiver) {
        if (receiver instanceof Link) {
            return receiver(((Link) receiver).receiver(), ((Link) receiver).name);
        }
        return receiver(receiver, null);
    }

    static String receiver(Object receiver, String name) {
        String type = receiver.getClass().getName();
        int lambda = type.indexOf("$$Lambda");
        String what = lambda < 0 ? type + "@" + Integer.toHexString(System.identityHashCode(receiver))
                : "lambda in " + type.substring(0, lambda);
        return name == null ? what : "'" + name + "' (" + what + ")";
    }

    /** A class with its module, for messages that must say where to look. */
    static String where(Class<?> type) {
        return ProviderLoader.Found.describe(type);
    }
}
