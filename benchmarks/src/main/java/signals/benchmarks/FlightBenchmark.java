package signals.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.Threshold;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import signals.core.Receiver;
import signals.core.Signal;

/**
 * What recording the {@code signals.Send} and {@code signals.Receiver} events costs a send, as a
 * function of how much work the receivers do themselves, and the floor that JDK Flight Recorder
 * sets for any timed event.
 *
 * <p>{@code fire} and {@code plainLoop} send to the same receivers, each of which burns
 * {@code work} tokens of {@link Blackhole#consumeCPU} (0 is a receiver that does nothing). With
 * {@code flight=both} a recording runs with both events enabled at a 10 ms threshold, so nothing
 * is ever written; with {@code off} no recording runs. {@link FlightBenchmark.Floor} measures the
 * floor under both: one JFR event of its own, begun, ended and tested against its 10 ms
 * threshold, as every timed JFR event must be, with no signal code at all.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class FlightBenchmark {

    /** How many receivers the signal has: one, where a send's own cost weighs the most. */
    @Param({"1"})
    public int receivers;

    /** The {@link Blackhole#consumeCPU} tokens each receiver burns per call. */
    @Param({"0", "20", "200"})
    public int work;

    /** {@code off}: no recording; {@code both}: both events enabled at a 10 ms threshold. */
    @Param({"off", "both"})
    public String flight;

    private Recording recording;

    // Not final, so that the JIT cannot fold them into constants.
    Signal<Payload> signal;
    Receiver<Payload>[] array;
    Object sender;
    Payload payload;

    /**
     * Starts the recording, makes the send paths megamorphic, then connects the receivers.
     *
     * @param bh where the receivers put their payload
     */
    @Setup(Level.Trial)
    @SuppressWarnings({"unchecked", "rawtypes"}) // generic array creation
    public void setUp(Blackhole bh) {
        if (flight.equals("both")) {
            recording = new Recording();
            recording.enable("signals.Send").withThreshold(Duration.ofMillis(10));
            recording.enable("signals.Receiver").withThreshold(Duration.ofMillis(10));
            recording.setToDisk(false);
            recording.start();
        } else if (!flight.equals("off")) {
            throw new IllegalArgumentException("flight is off or both, not " + flight);
        }
        Receivers.polluteSendPaths(bh);
        sender = "checkout";
        payload = new Payload(42, "margherita");
        signal = Signal.of("order_placed", Payload.class);
        array = new Receiver[receivers];
        int tokens = work;
        for (int i = 0; i < receivers; i++) {
            array[i] = (s, from, p) -> {
                Blackhole.consumeCPU(tokens);
                bh.consume(p);
            };
            signal.connect(array[i]);
        }
    }

    /** Stops the recording, if any; its data is never written. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (recording != null) {
            recording.close();
        }
    }

    /** Sends through the library. */
    @Benchmark
    public void fire() {
        signal.fire(sender, payload);
    }

    /** The same receivers called by a hand-written loop. */
    @Benchmark
    public void plainLoop() {
        PlainLoop.deliver(array, signal, sender, payload);
    }

    /**
     * One timed JFR event that never reaches its threshold, while a recording enables it: the
     * least that recording any timed event costs, whatever code emits it.
     */
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @State(Scope.Thread)
    public static class Floor {

        private Recording recording;

        /** Starts a recording that enables {@link Timed} at 10 ms. */
        @Setup(Level.Trial)
        public void setUp() {
            recording = new Recording();
            recording.enable(Timed.class).withThreshold(Duration.ofMillis(10));
            recording.setToDisk(false);
            recording.start();
        }

        /** Stops the recording; its data is never written. */
        @TearDown(Level.Trial)
        public void tearDown() {
            recording.close();
        }

        /** Begins, ends and tests one event, as {@code signals.Send} does around a send. */
        @Benchmark
        public void jfrEventFloor() {
            Timed event = new Timed();
            event.begin();
            event.end();
            if (event.shouldCommit()) {
                event.commit();
            }
        }
    }

    /** The smallest timed event: no field of its own. */
    @Name("signals.benchmarks.Timed")
    @Enabled(false)
    @Threshold("10 ms")
    static final class Timed extends Event {
    }
}
