package signals.benchmarks;

import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
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
import signals.core.Reply;
import signals.core.Signal;

/**
 * One send to {@code receivers} receivers, three ways: {@link Signal#fire}, {@link Signal#send}
 * and the plain loop a hand-written observer list would run over the same receiver objects, in
 * the same order ({@link PlainLoop}). {@code plainLoop} is the floor: the ratio
 * {@code fire / plainLoop} is what the library costs.
 *
 * <p>Run with {@code -p profile=monomorphic} to see the (unrealistic) case of a JVM that has
 * only ever seen one receiver class.
 */
// A fixed, pre-touched heap: on this project's (virtual) machines the first touch of new heap
// pages costs far more than the code under test, and made the allocating benchmarks erratic.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class SendBenchmark {

    /** How many receivers the signal has, and how long the plain loop's array is. */
    @Param({"0", "1", "10", "100"})
    public int receivers;

    /**
     * {@code megamorphic}: before measuring, the send paths and the plain loop are run with all
     * ten receiver classes, as in an application; {@code monomorphic}: they are not.
     */
    @Param({"megamorphic"})
    public String profile;

    /**
     * {@code off}: no JDK Flight Recorder recording runs (the flag the send path tests stays
     * false); {@code send}: a recording runs with {@code signals.Send} enabled at a 10 ms
     * threshold; {@code both}: the same with {@code signals.Receiver} enabled at 10 ms as well;
     * {@code other}: a recording runs with the JDK's {@code default} settings, which leave both
     * events off. No send here is ever slow enough to be recorded.
     */
    @Param({"off"})
    public String flight;

    private Recording recording;

    // Not final, so that the JIT cannot fold them into constants.
    Signal<Payload> signal;
    Receiver<Payload>[] array;
    Object sender;
    Payload payload;

    /**
     * Connects the receivers, in the same order as they sit in the plain loop's array.
     *
     * @param bh where the receivers put their payload
     */
    @Setup(Level.Trial)
    public void connect(Blackhole bh) {
        recording = startRecording(flight);
        sender = "checkout";
        payload = new Payload(42, "margherita");
        if (profile.equals("megamorphic")) {
            Receivers.polluteSendPaths(bh);
        } else if (!profile.equals("monomorphic")) {
            throw new IllegalArgumentException("profile is megamorphic or monomorphic, not " + profile);
        }
        signal = Signal.of("order_placed", Payload.class);
        array = Receivers.create(receivers, bh, 0);
        for (Receiver<Payload> receiver : array) {
            signal.connect(receiver);
        }
    }

    /** Stops the recording, if any; its data is never written. */
    @TearDown(Level.Trial)
    public void stopRecording() {
        if (recording != null) {
            recording.close();
        }
    }

    private static Recording startRecording(String flight) {
        Recording started;
        try {
            switch (flight) {
                case "off":
                    return null;
                case "other":
                    started = new Recording(Configuration.getConfiguration("default"));
                    break;
                case "send":
                case "both":
                    started = new Recording();
                    started.enable("signals.Send").withThreshold(Duration.ofMillis(10));
                    if (flight.equals("both")) {
                        started.enable("signals.Receiver").withThreshold(Duration.ofMillis(10));
                    }
                    break;
                default:
                    throw new IllegalArgumentException("flight is off, other, send or both, not " + flight);
            }
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read the JDK's default recording settings", e);
        }
        started.setToDisk(false);
        started.start();
        return started;
    }

    /**
     * Sends without replies.
     */
    @Benchmark
    public void fire() {
        signal.fire(sender, payload);
    }

    /**
     * Sends and collects one reply per receiver.
     *
     * @return the replies, for JMH to consume
     */
    @Benchmark
    public List<Reply> send() {
        return signal.send(sender, payload);
    }

    /**
     * The baseline: what calling the same receivers by hand costs.
     */
    @Benchmark
    public void plainLoop() {
        PlainLoop.deliver(array, signal, sender, payload);
    }
}
