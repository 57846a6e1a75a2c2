package signals.core;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes a connection once an object it holds weakly (a weak owner, a sender) is collected. The
 * cleaner thread starts with the first such connection.
 *
 * <p>Until the sweep has run, the dead connection is still in its signal's snapshot; everything
 * that reads a snapshot must treat it as gone ({@link Link#isLive()}). Tests hold the sweeps back
 * with {@link #holdBack()} to make that window as wide as they need.
 */
final class Sweeper {

    private static final Object LOCK = new Object();
    private static List<Link> held; // under LOCK; non-null while sweeps are held back

    private Sweeper() {
    }

    /** Removes the link from its signal once the referent is collected. */
    static Cleaner.Cleanable sweepWhenCollected(Object referent, Link link) {
        // The action must not reach the referent, or the referent could never be collected.
        return Lazy.CLEANER.register(referent, () -> sweep(link));
    }

    /** Drops a registration whose link was removed by other means. */
    static void cancel(Cleaner.Cleanable sweep) {
        if (sweep != null) {
            sweep.clean();
        }
    }

    private static void sweep(Link link) {
        synchronized (LOCK) {
            if (held != null) {
                held.add(link);
                return;
            }
        }
        link.signal.disconnectWhere(l -> l == link);
    }

    /**
     * Holds every sweep back until the returned handle is closed, which runs them; for tests of
     * what a dead, not yet swept connection does.
     */
    static AutoCloseable holdBack() {
        synchronized (LOCK) {
            held = new ArrayList<>();
        }
        return () -> {
            List<Link> due;
            synchronized (LOCK) {
                due = held;
                held = null;
            }
            due.forEach(Sweeper::sweep);
        };
    }

    /** Holds the cleaner, so that its thread starts only with the first weak connection. */
    private static final class Lazy {
        static final Cleaner CLEANER = Cleaner.create();
    }
}
