package signals.core;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import jdk.jfr.Threshold;

/**
 * The JDK Flight Recorder events {@code signals.Send} and {@code signals.Receiver}, and the
 * instrumented sends that emit them. Every JFR type of {@code signals.core} is here; only
 * {@link Flight} loads this class, and only when the {@code jdk.jfr} module is present. The
 * plain sends in {@link Signal} come here only while {@link Flight#recording} is true.
 */
final class FlightEvents implements FlightRecorderListener {

    // Probes for isEnabled(), which reads the state JFR keeps for the event class: no allocation.
    private static final SendEvent SEND = new SendEvent();
    private static final ReceiverEvent RECEIVER = new ReceiverEvent();

    private FlightEvents() {
    }

    // The registered listener: JFR holds it for the life of the JVM, and with it this library's
    // class loader, until unwatch() removes it.
    private static FlightEvents watching;

    /** Keeps {@link Flight#recording} true exactly while some recording runs. */
    static synchronized void watch() {
        watching = new FlightEvents();
        FlightRecorder.addListener(watching);
        if (FlightRecorder.isInitialized()) {
            refresh();
        }
    }

    /** Stops watching, so that an undeployed copy of this library leaves no listener behind. */
    static synchronized void unwatch() {
        if (watching != null) {
            FlightRecorder.removeListener(watching);
            watching = null;
            Flight.recording = false;
        }
    }

    @Override
    public void recorderInitialized(FlightRecorder recorder) {
        refresh();
    }

    @Override
    public void recordingStateChanged(Recording changed) {
        refresh();
    }

    private static synchronized void refresh() {
        boolean running = false;
        for (Recording recording : FlightRecorder.getFlightRecorder().getRecordings()) {
            running |= recording.getState() == RecordingState.RUNNING;
        }
        Flight.recording = running;
    }

    /**
     * {@link Signal#fire} while a recording runs. Written for the JIT: the events never reach a
     * call that is not inlined unless they are over the threshold (no try/finally hands them
     * to {@code commit}), so that C2 keeps them in registers and this allocates nothing, as JFR
     * intends for its events. A send that reaches nobody records nothing.
     *
     * <p>A loop of its own, not {@link Delivery#collect} with events: there every event is handed
     * to a method the JIT need not inline, and escapes. {@code FlightBenchmark.fire} with
     * {@code flight=both} and {@code work=0} measured 0 B/op with this loop in the quiet run of
     * BENCHMARKS.md ("JDK Flight Recorder"); only routes without responders come here
     * ({@link Signal#fire} calls it directly, which keeps it 0 B/op; see the comment there).
     */
    static void fire(Signal<?> signal, Link[] links, Object sender, Object payload) {
        boolean receivers = RECEIVER.isEnabled();
        if (links.length == 0 || !SEND.isEnabled() && !receivers) {
            for (Link link : links) {
                call(signal, link, sender, payload);
            }
            return;
        }
        SendEvent send = new SendEvent();
        send.begin();
        int called = 0;
        RuntimeException failure = null;
        for (Link link : links) {
            called++;
            failure = receivers ? fireOne(signal, link, sender, payload) : callCatching(signal, link, sender, payload);
            if (failure != null) {
                break;
            }
        }
        send.end();
        if (send.shouldCommit()) {
            commit(send, signal, sender, called);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Calls one receiver as one receiver event; returns what it threw (an Error just passes). */
    private static RuntimeException fireOne(Signal<?> signal, Link link, Object sender, Object payload) {
        ReceiverEvent event = new ReceiverEvent();
        event.begin();
        RuntimeException failure = callCatching(signal, link, sender, payload);
        event.end();
        if (event.shouldCommit()) {
            commit(event, signal, link, failure == null ? null : failure instanceof ReceiverException
                    ? failure.getCause() : failure);
        }
        return failure;
    }

    private static RuntimeException callCatching(Signal<?> signal, Link link, Object sender, Object payload) {
        try {
            call(signal, link, sender, payload);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void call(Signal<?> signal, Link link, Object sender, Object payload) {
        try {
            link.target().receive(signal, sender, payload);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ReceiverException(signal, link, e);
        }
    }

    /**
     * Ends the receiver event {@link #receiverStarted} began, once the receiver's answer is in: at
     * once for a value, when it completes for a stage, which counts as part of its receiver's time.
     *
     * @return the answer, or for a stage the stage that completes after the event was ended
     */
    static Object answered(Object started, Signal<?> signal, Link link, Object answer) {
        if (!(answer instanceof CompletionStage)) {
            receiverEnded(started, signal, link, null);
            return answer;
        }
        return Stages.follow((CompletionStage<?>) answer)
                .whenComplete((value, thrown) -> receiverEnded(started, signal, link, thrown));
    }

    /** Starts the send event of a send that {@link Delivery#collect} or {@link Delivery#start} runs; null when it is off. */
    static Object sendStarted() {
        if (!SEND.isEnabled()) {
            return null;
        }
        SendEvent send = new SendEvent();
        send.begin();
        return send;
    }

    /** Ends what {@link #sendStarted} began. */
    static void sendEnded(Object started, Signal<?> signal, Object sender, int called) {
        if (started != null) {
            sent((SendEvent) started, signal, sender, called);
        }
    }

    /**
     * Ends what {@link #sendStarted} began for an asynchronous send, once its last reply
     * completed, on whichever thread completed it.
     */
    static void asyncSendEnded(Object started, Signal<?> signal, Object sender, int called) {
        if (started != null) {
            SendEvent event = (SendEvent) started;
            event.asynchronous = true;
            sent(event, signal, sender, called);
        }
    }

    /** Starts the receiver event of one receiver, for the sends other than {@link #fire}; null when it is off. */
    static Object receiverStarted() {
        if (!RECEIVER.isEnabled()) {
            return null;
        }
        ReceiverEvent event = new ReceiverEvent();
        event.begin();
        return event;
    }

    /**
     * Ends what {@link #receiverStarted} began, when the receiver's outcome completed.
     */
    static void receiverEnded(Object started, Signal<?> signal, Link link, Throwable thrown) {
        if (started != null) {
            Throwable cause = thrown instanceof CompletionException && thrown.getCause() != null
                    ? thrown.getCause() : thrown;
            received((ReceiverEvent) started, signal, link, cause);
        }
    }

    private static void sent(SendEvent event, Signal<?> signal, Object sender, int called) {
        event.end();
        if (event.shouldCommit()) {
            commit(event, signal, sender, called);
        }
    }

    private static void received(ReceiverEvent event, Signal<?> signal, Link link, Throwable thrown) {
        event.end();
        if (event.shouldCommit()) {
            commit(event, signal, link, thrown);
        }
    }

    private static void commit(SendEvent event, Signal<?> signal, Object sender, int called) {
        event.signal = signal.name();
        event.sender = describe(sender);
        event.receivers = called;
        event.commit();
    }

    private static void commit(ReceiverEvent event, Signal<?> signal, Link link, Throwable thrown) {
        event.signal = signal.name();
        event.receiver = Descriptions.receiver(link);
        event.threw = thrown != null;
        event.exception = thrown == null ? null : thrown.getClass().getName();
        event.commit();
    }

    // Only for an event over its threshold. A sender's own toString may fail: the event must not.
    private static String describe(Object sender) {
        if (sender == null) {
            return null;
        }
        if (sender instanceof Class) {
            return ((Class<?>) sender).getName();
        }
        try {
            return String.valueOf(sender);
        } catch (RuntimeException e) {
            return sender.getClass().getName() + " (toString failed: " + e + ")";
        }
    }

    @Name("signals.Send")
    @Label("Signal Send")
    @Category("Signals")
    @Description("A send of a signal: fire, send, sendRobust, sendAsync, sendRobustAsync or an "
            + "adapter's send, from the first receiver called to the last")
    @Enabled(false)
    @Threshold("10 ms")
    static final class SendEvent extends Event {
        @Label("Signal")
        @Description("The signal's name")
        String signal;

        @Label("Sender")
        @Description("The sender: a class name, or the sender's toString()")
        String sender;

        @Label("Receivers Called")
        @Description("How many receivers the send called, the failing one included")
        int receivers;

        @Label("Asynchronous")
        @Description("Sent by sendAsync or sendRobustAsync: the duration runs from the first "
                + "receiver called until the last reply completed")
        boolean asynchronous;
    }

    @Name("signals.Receiver")
    @Label("Signal Receiver")
    @Category("Signals")
    @Description("One receiver called by a send, as the inventory names it")
    @Enabled(false)
    @Threshold("10 ms")
    static final class ReceiverEvent extends Event {
        @Label("Signal")
        @Description("The signal's name")
        String signal;

        @Label("Receiver")
        @Description("The receiver: its connection name if any, then its class")
        String receiver;

        @Label("Threw")
        @Description("Whether the receiver threw")
        boolean threw;

        @Label("Exception")
        @Description("The class of what it threw, if it did")
        String exception;
    }
}
