package signals.test;

import java.util.Arrays;
import signals.core.Signal;
import signals.core.spi.SendObserver;

/**
 * The one {@link SendObserver} of this module, installed while a recorder or a mute is open.
 * Recorders hear a send before the mutes decide on it, so that a recording shows muted sends
 * too; a single observer keeps that order whatever else is installed later.
 */
final class Watch {

    private static final Object LOCK = new Object();
    private static final ThreadScope EVERYWHERE = ThreadScope.global();
    private static final SignalRecorder[] NO_RECORDERS = {};

    private static volatile SignalRecorder[] recorders = NO_RECORDERS;
    // Open mutes; while none is open, a send does not look up its thread's scope.
    private static volatile int mutes;
    private static int users; // guarded by LOCK
    private static SendObserver.Installation installation; // guarded by LOCK

    private Watch() {
    }

    static boolean sending(Signal<?> signal, Object sender, Object payload) {
        boolean muted = mutes > 0 && (EVERYWHERE.mutes(signal) || ThreadScope.current().mutes(signal));
        for (SignalRecorder recorder : recorders) {
            recorder.heard(signal, sender, payload, muted || signal.isMuted());
        }
        return !muted;
    }

    static void start(SignalRecorder recorder) {
        synchronized (LOCK) {
            use();
            SignalRecorder[] next = Arrays.copyOf(recorders, recorders.length + 1);
            next[recorders.length] = recorder;
            recorders = next;
        }
    }

    static void stop(SignalRecorder recorder) {
        synchronized (LOCK) {
            SignalRecorder[] current = recorders;
            for (int i = 0; i < current.length; i++) {
                if (current[i] == recorder) {
                    SignalRecorder[] next = new SignalRecorder[current.length - 1];
                    System.arraycopy(current, 0, next, 0, i);
                    System.arraycopy(current, i + 1, next, i, next.length - i);
                    recorders = next;
                    release();
                    return;
                }
            }
        }
    }

    static ThreadScope.Claim mute(ThreadScope scope, Selection selection) {
        synchronized (LOCK) {
            use();
            mutes++;
            return scope.claim(selection);
        }
    }

    static void unmute(ThreadScope scope, ThreadScope.Claim claim) {
        synchronized (LOCK) {
            scope.release(claim);
            mutes--;
            release();
        }
    }

    static ThreadScope everywhere() {
        return EVERYWHERE;
    }

    static boolean installed() {
        synchronized (LOCK) {
            return installation != null;
        }
    }

    private static void use() {
        if (users++ == 0) {
            installation = SendObserver.install(Watch::sending);
        }
    }

    private static void release() {
        if (--users == 0) {
            installation.close();
            installation = null;
        }
    }
}
