package signals.core;

import java.lang.System.Logger.Level;
import java.util.Set;
import signals.core.internal.ProviderLoader;

/**
 * How receivers and their origins are named in messages, logs and the inventory, and the one
 * logger of this module.
 */
final class Descriptions {

    static final System.Logger LOG = System.getLogger("signals.core");

    /** Frames of these classes are the library's own when looking for who called connect. */
    private static final Set<String> OWN = Set.of(Signal.class.getName(), Binding.class.getName(),
            Discovery.class.getName(), Signals.class.getName());

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

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

    /** The first caller outside this library's API classes, as the origin of a connection. */
    static String caller() {
        return WALKER.walk(frames -> frames
                .filter(frame -> !OWN.contains(frame.getClassName()))
                .findFirst()
                // Only names are kept: holding the caller's Class could pin its class loader.
                .map(frame -> where(frame.getDeclaringClass()).replaceFirst(" ", "." + frame.getMethodName() + " "))
                .orElse("unknown"));
    }

    static void logRobustFailure(Signal<?> signal, Object receiver, Throwable error) {
        LOG.log(Level.ERROR, () -> "Error calling " + receiver(receiver) + " in sendRobust of signal '"
                + signal.name() + "' (" + error + ")", error);
    }
}
