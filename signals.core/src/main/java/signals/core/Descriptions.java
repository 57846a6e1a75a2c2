package signals.core;

/** How receivers and classes are named in messages, logs and the inventory. */
final class Descriptions {

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
