package signals.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import signals.core.Signal;
import org.opentest4j.AssertionFailedError;

/**
 * Records the signals sent while it is open, and asserts on them; failure messages list what
 * was sent instead.
 *
 * <pre>{@code
 * try (SignalRecorder recorder = SignalRecorder.inThisThreadAndChildren(ModelSignals.POST_SAVE)) {
 *     orders.place(order);
 *     recorder.assertSentOnce(ModelSignals.POST_SAVE);
 * }
 * }</pre>
 *
 * <p>In JUnit tests, declare a {@code SignalRecorder} parameter (with {@link RecordSignals} on
 * the class or method, or JUnit's extension auto-detection) and the recorder is started before
 * the test's {@code @BeforeEach} methods and closed after its {@code @AfterEach} methods.
 *
 * <h2>What it hears</h2>
 * Every send of the chosen signals ({@code fire}, {@code send}, {@code sendRobust}, the
 * asynchronous sends when they are started), before any receiver runs, whether receivers are
 * connected, throw or are muted. It does not change which receivers run.
 *
 * <h2>Which threads</h2>
 * The two factories name the threads heard, as {@link MutedSignals}'s do for the threads muted:
 * {@link #inThisThreadAndChildren} hears this thread and the threads it starts while recording
 * (the default of {@link RecordSignals}, which keeps parallel tests from hearing each other);
 * {@link #everywhere} hears every thread.
 *
 * <p>Thread-safe: sends may come from any thread while a test reads the recording.
 *
 * @since 0.1
 */
public final class SignalRecorder implements AutoCloseable {

    private final Selection selection;
    private final ThreadScope scope; // null: every thread
    private final ThreadScope.Claim claim;
    private final List<SentSignal> sent = new ArrayList<>(); // guarded by itself
    private boolean open = true; // guarded by sent

    private SignalRecorder(Selection selection, ThreadScope scope) {
        this.selection = selection;
        this.scope = scope;
        this.claim = scope == null ? null : scope.claim(null);
    }

    /**
     * Starts recording the given signals, or every signal, sent from this thread, or from a
     * thread it starts while recording (a child thread). Threads started before, such as a
     * pool's, are not heard, except for the asynchronous sends this thread hands them: a send is
     * recorded in the thread that calls {@code sendAsync}.
     *
     * @param signals the signals to record; none to record every signal
     * @return the open recorder
     * @throws NullPointerException if a signal is null
     */
    public static SignalRecorder inThisThreadAndChildren(Signal<?>... signals) {
        return started(new SignalRecorder(Selection.of(signals), ThreadScope.current()));
    }

    /**
     * Starts recording the given signals, or every signal, sent from any thread, including
     * other tests running in parallel.
     *
     * @param signals the signals to record; none to record every signal
     * @return the open recorder
     * @throws NullPointerException if a signal is null
     */
    public static SignalRecorder everywhere(Signal<?>... signals) {
        return started(new SignalRecorder(Selection.of(signals), null));
    }

    private static SignalRecorder started(SignalRecorder recorder) {
        Watch.start(recorder);
        return recorder;
    }

    void heard(Signal<?> signal, Object sender, Object payload, boolean muted) {
        if (!selection.matches(signal) || claim != null && !ThreadScope.current().holds(claim)) {
            return;
        }
        SentSignal send = new SentSignal(signal, sender, payload, muted, Thread.currentThread().getName());
        synchronized (sent) {
            if (open) {
                sent.add(send);
            }
        }
    }

    /**
     * Lists every recorded send, in the order they were sent (for sends from several threads,
     * the order they reached the recorder).
     *
     * @return a snapshot
     */
    public List<SentSignal> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /**
     * Lists the recorded sends of one signal, in order.
     *
     * @param signal the signal, not null
     * @return a snapshot
     */
    public List<SentSignal> sent(Signal<?> signal) {
        Objects.requireNonNull(signal, "signal");
        List<SentSignal> chosen = new ArrayList<>();
        for (SentSignal send : sent()) {
            if (send.signal() == signal) {
                chosen.add(send);
            }
        }
        return chosen;
    }

    /**
     * Lists the payloads of one signal's recorded sends, in order.
     *
     * @param signal the signal, not null
     * @param <T> the payload type
     * @return a snapshot; it may hold nulls for a {@code Void} signal
     */
    @SuppressWarnings("unchecked") // the signal checked each payload against its type when sent
    public <T> List<T> payloads(Signal<T> signal) {
        List<T> payloads = new ArrayList<>();
        for (SentSignal send : sent(signal)) {
            payloads.add((T) send.payload());
        }
        return payloads;
    }

    /**
     * Counts one signal's recorded sends.
     *
     * @param signal the signal, not null
     * @return how many times it was sent
     */
    public int count(Signal<?> signal) {
        return sent(signal).size();
    }

    /** Forgets what was recorded so far, for instance what a test's fixtures sent. */
    public void clear() {
        synchronized (sent) {
            sent.clear();
        }
    }

    /**
     * Stops recording; what was recorded stays readable. Closing twice does nothing.
     */
    @Override
    public void close() {
        synchronized (sent) {
            if (!open) {
                return;
            }
            open = false;
        }
        Watch.stop(this);
        if (scope != null) {
            scope.release(claim);
        }
    }

    // ------------------------------------------------------------------------------ assertions

    /**
     * Asserts that a signal was sent at least once.
     *
     * @param signal the signal, not null
     * @return its first recorded send
     * @throws AssertionFailedError if it was not sent; the message lists what was
     */
    public SentSignal assertSent(Signal<?> signal) {
        List<SentSignal> sends = sent(signal);
        if (sends.isEmpty()) {
            throw failure("Expected " + signal.name() + " to be sent, but it was not.");
        }
        return sends.get(0);
    }

    /**
     * Asserts that a signal was sent exactly once.
     *
     * @param signal the signal, not null
     * @return its recorded send
     * @throws AssertionFailedError otherwise; the message lists what was sent
     */
    public SentSignal assertSentOnce(Signal<?> signal) {
        return assertSentTimes(signal, 1).get(0);
    }

    /**
     * Asserts how many times a signal was sent.
     *
     * @param signal the signal, not null
     * @param times the expected number of sends, not negative
     * @return its recorded sends
     * @throws AssertionFailedError otherwise; the message lists what was sent
     * @throws IllegalArgumentException if times is negative
     */
    public List<SentSignal> assertSentTimes(Signal<?> signal, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative: " + times);
        }
        List<SentSignal> sends = sent(signal);
        if (sends.size() != times) {
            throw failure("Expected " + signal.name() + " to be sent " + times(times) + ", but it was sent "
                    + times(sends.size()) + ".", times(times), times(sends.size()));
        }
        return sends;
    }

    /**
     * Asserts that a signal was sent at least once by this sender with an equal payload.
     *
     * @param signal the signal, not null
     * @param sender the expected sender, compared with {@code equals}; may be null
     * @param payload the expected payload, compared with {@code equals}; may be null
     * @param <T> the payload type
     * @return the first matching send
     * @throws AssertionFailedError otherwise; the message lists what was sent
     */
    public <T> SentSignal assertSent(Signal<T> signal, Object sender, T payload) {
        for (SentSignal send : sent(signal)) {
            if (Objects.equals(send.sender(), sender) && Objects.equals(send.payload(), payload)) {
                return send;
            }
        }
        String expected = new SentSignal(signal, sender, payload, false, "?").toString();
        throw failure("Expected " + expected + ", but it was not sent.", expected, null);
    }

    /**
     * Asserts that a signal was never sent.
     *
     * @param signal the signal, not null
     * @throws AssertionFailedError if it was; the message lists what was sent
     */
    public void assertNotSent(Signal<?> signal) {
        assertSentTimes(signal, 0);
    }

    /**
     * Asserts that nothing at all was recorded.
     *
     * @throws AssertionFailedError otherwise; the message lists what was sent
     */
    public void assertNothingSent() {
        if (!sent().isEmpty()) {
            throw failure("Expected no signal to be sent.");
        }
    }

    /**
     * Asserts the order in which the given signals were sent: the recorded sends of these
     * signals, other signals left out, are exactly this sequence.
     *
     * <pre>{@code
     * recorder.assertSequence(PRE_SAVE, POST_SAVE, PRE_SAVE, POST_SAVE);
     * }</pre>
     *
     * @param signals the expected sequence, not empty; a signal may appear several times
     * @throws AssertionFailedError otherwise; the message lists what was sent
     * @throws IllegalArgumentException if no signal is given
     */
    public void assertSequence(Signal<?>... signals) {
        if (signals.length == 0) {
            throw new IllegalArgumentException("Give at least one signal");
        }
        Selection chosen = Selection.of(signals);
        List<String> expected = new ArrayList<>();
        for (Signal<?> signal : signals) {
            expected.add(signal.name());
        }
        List<String> actual = new ArrayList<>();
        for (SentSignal send : sent()) {
            if (chosen.matches(send.signal())) {
                actual.add(send.signal().name());
            }
        }
        if (!expected.equals(actual)) {
            throw failure("Expected the sequence " + expected + ", but it was " + actual + ".", expected, actual);
        }
    }

    @Override
    public String toString() {
        return "SignalRecorder of " + selection + (claim == null ? " everywhere" : " in one thread and its children")
                + ": " + sent();
    }

    private AssertionFailedError failure(String message) {
        return failure(message, null, null);
    }

    private AssertionFailedError failure(String message, Object expected, Object actual) {
        StringBuilder text = new StringBuilder(message);
        List<SentSignal> all = sent();
        if (all.isEmpty()) {
            text.append("\nNothing was sent while recording ").append(selection).append('.');
        } else {
            text.append("\nSent while recording ").append(selection).append(" (").append(all.size()).append("):");
            for (int i = 0; i < all.size(); i++) {
                text.append("\n  ").append(i + 1).append(". ").append(all.get(i));
            }
        }
        return expected == null && actual == null
                ? new AssertionFailedError(text.toString())
                : new AssertionFailedError(text.toString(), expected, actual);
    }

    private static String times(int times) {
        return times == 1 ? "once" : times + " times";
    }
}
