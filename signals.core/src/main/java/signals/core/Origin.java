package signals.core;

import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who connected a receiver or declared a signal: a description for people, and the class for
 * {@link Signals#disconnectAll}, held weakly so that remembering it never pins a class loader.
 */
final class Origin {

    /** Frames of these classes are the library's own when looking for who called it. */
    private static final Set<String> OWN = Set.of(Signal.class.getName(), Signal.Builder.class.getName(),
            SignalBinding.class.getName(), Discovery.class.getName(),
            SpiMachinery.class.getName(), signals.core.spi.SignalAdapter.class.getName(), Signals.class.getName(),
            Origin.class.getName());

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private static final Origin UNKNOWN = new Origin("unknown", null);

    private final String text;
    private final WeakReference<Class<?>> type;

    private Origin(String text, Class<?> type) {
        this.text = text;
        this.type = new WeakReference<>(type);
    }

    /** A provider, named with its module. */
    static Origin provider(Class<?> provider) {
        return new Origin("provider " + Descriptions.where(provider), provider);
    }

    /** The first caller outside this library's API classes, with its method and module. */
    static Origin caller() {
        return WALKER.walk(frames -> frames
                .filter(frame -> !OWN.contains(frame.getClassName()))
                .findFirst()
                .map(frame -> new Origin(frame.getClassName() + "." + frame.getMethodName()
                        + Descriptions.where(frame.getDeclaringClass()).substring(frame.getClassName().length()),
                        frame.getDeclaringClass()))
                .orElse(UNKNOWN));
    }

    /** Whether the class behind this origin, if it is still loaded, comes from a place. */
    boolean isFrom(Predicate<Class<?>> place) {
        Class<?> known = type.get();
        return known != null && place.test(known);
    }

    @Override
    public String toString() {
        return text;
    }
}
