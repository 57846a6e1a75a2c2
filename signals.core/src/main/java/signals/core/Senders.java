package signals.core;

import java.lang.ref.WeakReference;
import java.util.Set;

/**
 * How a connection holds the sender it listens to: as Django does since ticket #35801, weakly,
 * so that listening to an object never keeps it alive. Values that stand for themselves (strings,
 * boxed primitives, enum constants) and classes are held as they are: a value has no lifetime
 * worth following, and a class is released with its loader by {@link Signals#disconnectAll}.
 */
final class Senders {

    private static final Set<Class<?>> VALUES = Set.of(String.class, Integer.class, Long.class, Short.class,
            Byte.class, Character.class, Boolean.class, Float.class, Double.class);

    private Senders() {
    }

    /** The sender as a connection keeps it: itself, or a {@link Weak} reference to it. */
    static Object hold(Object sender) {
        if (sender == null || sender instanceof Class || sender instanceof Enum || VALUES.contains(sender.getClass())) {
            return sender;
        }
        return new Weak(sender);
    }

    /** The sender behind what {@link #hold} returned; null for every sender and for a collected one. */
    static Object get(Object held) {
        return held instanceof Weak ? ((Weak) held).get() : held;
    }

    /** False once a weakly held sender has been collected. */
    static boolean alive(Object held) {
        return !(held instanceof Weak) || !((Weak) held).refersTo(null);
    }

    /** Whether a held sender is this sender, compared with {@code equals} as senders are. */
    static boolean same(Object held, Object sender) {
        Object known = get(held);
        return known == sender || (known != null && sender.equals(known));
    }

    /** The hash a {@link SenderTable} files a sender under. */
    static int hash(Object sender) {
        // Fibonacci hashing: hash codes that differ only in their low bits, as those of
        // "order-1" .. "order-9999" do, otherwise cluster in the sender table's linear probing
        // (5 probes on average and 277 at worst for 10,000 such names; 1.2 and 8 with this).
        int h = sender.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** A weakly held sender, with its hash remembered so that its table slot outlives it. */
    static final class Weak extends WeakReference<Object> {
        final int hash;

        Weak(Object sender) {
            super(sender);
            this.hash = hash(sender);
        }
    }
}
