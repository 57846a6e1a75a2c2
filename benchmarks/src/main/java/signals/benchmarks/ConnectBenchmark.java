package signals.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import signals.core.ConnectOption;
import signals.core.Receiver;
import signals.core.Signal;

/**
 * Connecting ten thousand receivers, each for its own sender, one {@code connect} at a time:
 * the start-up of an application with a receiver per entity class. Connecting must stay linear,
 * not copy every sender's routes on every connect.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@State(Scope.Thread)
public class ConnectBenchmark {

    private String[] senders;
    private Receiver<Payload> receiver;

    /**
     * Makes the senders and one receiver.
     *
     * @param bh where the receiver would put its payload
     */
    @Setup(Level.Trial)
    public void setUp(Blackhole bh) {
        senders = new String[SendersBenchmark.SENDERS];
        for (int i = 0; i < senders.length; i++) {
            senders[i] = "entity-" + i;
        }
        receiver = (signal, sender, payload) -> bh.consume(payload);
    }

    /**
     * Connects the receiver once per sender to a new signal.
     *
     * @return the signal, so that nothing is optimized away
     */
    @Benchmark
    public Signal<Payload> connectTenThousandSenders() {
        Signal<Payload> signal = Signal.of("post_save", Payload.class);
        for (String sender : senders) {
            signal.connect(receiver, ConnectOption.sender(sender));
        }
        return signal;
    }
}
