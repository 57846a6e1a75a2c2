package signals.test;

import signals.core.Signal;

/**
 * Signals muted until this handle is closed: their receivers are not called, as with
 * factory_boy's {@code mute_signals}, while connecting and disconnecting go on as usual and
 * count once the mute ends. Mutes nest and may end in any order; a signal speaks again when no
 * mute that covers it is open.
 *
 * <pre>{@code
 * try (MutedSignals quiet = MutedSignals.inThisThreadAndChildren(ModelSignals.POST_SAVE)) {
 *     fixtures.load();                 // no post_save receiver runs
 * }
 * }</pre>
 *
 * <h2>Which threads</h2>
 * {@link #inThisThreadAndChildren} mutes the sends made by this thread, including the
 * asynchronous sends it starts (decided when {@code sendAsync} is called, whichever thread runs
 * the receivers), and the sends of the threads this thread starts while the mute is open (its
 * children), until it closes. Threads started before, such as the threads of a pool made
 * earlier, are not muted, so parallel tests do not mute each other.
 * {@link #everywhere} mutes every thread; keep it for single-threaded suites, or mark the test
 * {@link org.junit.jupiter.api.parallel.Isolated @Isolated} ({@link MuteSignals} does it for you).
 * {@link SignalRecorder}'s factories use the same two names for the threads they hear.
 *
 * <h2>And {@code Signal.mute()}?</h2>
 * {@link Signal#mute()} from {@code signals.core} silences one signal in every thread, like
 * {@code MutedSignals.everywhere(signal)}, and the two may be open together: a send is skipped
 * while either holds. They differ in where the state lives: {@code Signal.mute()} is the signal's
 * own, which {@link Signal#isMuted()} reports, while these mutes are kept by this module, per
 * thread if asked, and seen only through the sends they skip ({@code isMuted()} stays false). In
 * tests, prefer these: they choose the threads, take several signals or all at once, and the
 * JUnit annotation {@link MuteSignals} opens and closes them.
 *
 * <p>A {@link SignalRecorder} still records muted sends, by either, marked as
 * {@link SentSignal#muted()}.
 *
 * @since 0.1
 */
public final class MutedSignals implements AutoCloseable {

    private final ThreadScope scope;
    private final Selection selection;
    private final ThreadScope.Claim claim;
    private boolean open = true; // guarded by this

    private MutedSignals(ThreadScope scope, Selection selection) {
        this.scope = scope;
        this.selection = selection;
        this.claim = Watch.mute(scope, selection);
    }

    /**
     * Mutes the given signals, or every signal, in this thread and in the threads it starts
     * while the mute is open.
     *
     * @param signals the signals to mute; none to mute every signal
     * @return the open mute
     * @throws NullPointerException if a signal is null
     */
    public static MutedSignals inThisThreadAndChildren(Signal<?>... signals) {
        return mute(Selection.of(signals), false);
    }

    /**
     * Mutes the given signals, or every signal, in every thread.
     *
     * @param signals the signals to mute; none to mute every signal
     * @return the open mute
     * @throws NullPointerException if a signal is null
     */
    public static MutedSignals everywhere(Signal<?>... signals) {
        return mute(Selection.of(signals), true);
    }

    static MutedSignals mute(Selection selection, boolean everywhere) {
        return new MutedSignals(everywhere ? Watch.everywhere() : ThreadScope.current(), selection);
    }

    /** Ends this mute. Closing twice does nothing; closing from another thread is fine. */
    @Override
    public void close() {
        synchronized (this) {
            if (!open) {
                return;
            }
            open = false;
        }
        Watch.unmute(scope, claim);
    }

    @Override
    public String toString() {
        return "MutedSignals[" + selection + (open ? "" : ", closed") + "]";
    }
}
