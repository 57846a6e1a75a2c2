package signals.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import signals.core.Signal;

/**
 * The mutes and recorders that hold in one thread: the thread's own, and those that were open
 * in the thread that started it, at the moment it was started, for as long as they stay open.
 *
 * <p>Only claims open at that moment pass on, never later ones: a pool thread started by a test
 * thread that was muting nothing, such as JUnit's own workers, never picks up a later mute of
 * that test thread.
 */
final class ThreadScope {

    private static final InheritableThreadLocal<ThreadScope> CURRENT = new InheritableThreadLocal<>() {
        @Override
        protected ThreadScope initialValue() {
            return new ThreadScope(NONE);
        }

        @Override
        protected ThreadScope childValue(ThreadScope parent) {
            return new ThreadScope(parent.openClaims());
        }
    };

    private static final Claim[] NONE = {};

    private final Claim[] inherited;
    private volatile Claim[] own = NONE;

    private ThreadScope(Claim[] inherited) {
        this.inherited = inherited;
    }

    static ThreadScope current() {
        return CURRENT.get();
    }

    /** A scope no thread holds, whose mutes apply to every thread. */
    static ThreadScope global() {
        return new ThreadScope(NONE);
    }

    boolean holds(Claim claim) {
        return claim.open && (contains(own, claim) || contains(inherited, claim));
    }

    boolean mutes(Signal<?> signal) {
        return mutes(own, signal) || mutes(inherited, signal);
    }

    synchronized Claim claim(Selection muted) {
        Claim claim = new Claim(muted);
        Claim[] next = Arrays.copyOf(own, own.length + 1);
        next[own.length] = claim;
        own = next;
        return claim;
    }

    // By identity, so that claims may end in any order, and from any thread.
    synchronized void release(Claim claim) {
        claim.open = false;
        List<Claim> next = new ArrayList<>(Arrays.asList(own));
        next.remove(claim);
        own = next.toArray(NONE);
    }

    private Claim[] openClaims() {
        List<Claim> open = new ArrayList<>();
        for (Claim[] claims : List.of(inherited, own)) {
            for (Claim claim : claims) {
                if (claim.open) {
                    open.add(claim);
                }
            }
        }
        return open.toArray(NONE);
    }

    private static boolean contains(Claim[] claims, Claim wanted) {
        for (Claim claim : claims) {
            if (claim == wanted) {
                return true;
            }
        }
        return false;
    }

    private static boolean mutes(Claim[] claims, Signal<?> signal) {
        for (Claim claim : claims) {
            if (claim.open && claim.muted != null && claim.muted.matches(signal)) {
                return true;
            }
        }
        return false;
    }

    /** A mute (with the signals it mutes) or a recorder (without) open in a thread. */
    static final class Claim {

        final Selection muted;
        volatile boolean open = true;

        Claim(Selection muted) {
            this.muted = muted;
        }
    }
}
