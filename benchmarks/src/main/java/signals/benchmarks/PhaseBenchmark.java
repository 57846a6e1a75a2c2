package signals.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import signals.core.ConnectOption;
import signals.core.Signal;
import signals.core.TransactionPhase;

/**
 * What a receiver with a transaction phase costs a send made outside any transaction, where it
 * runs at once: {@code fireWithAfterCommit} sends to one plain receiver and one connected with
 * {@code phase(AFTER_COMMIT)}; {@code fireTwoPlain} to two plain receivers doing the same work.
 * The difference is the price of asking the transaction hosts and of the deferral's bookkeeping.
 * Inside a Hibernate transaction the same receiver is measured by {@code JpaBenchmark}
 * ({@code signals=afterCommit}).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class PhaseBenchmark {

    // Not final, so that the JIT cannot fold them into constants.
    Signal<Payload> withPhase;
    Signal<Payload> plain;
    Object sender;
    Payload payload;

    /**
     * Connects the receivers.
     *
     * @param bh where the receivers put their payload
     */
    @Setup(Level.Trial)
    public void connect(Blackhole bh) {
        sender = "checkout";
        payload = new Payload(42, "pizza");
        withPhase = Signal.of("with_phase", Payload.class);
        plain = Signal.of("plain", Payload.class);
        withPhase.connect(Receivers.create(0, bh));
        withPhase.connect(Receivers.create(1, bh), ConnectOption.phase(TransactionPhase.AFTER_COMMIT));
        plain.connect(Receivers.create(0, bh));
        plain.connect(Receivers.create(1, bh));
    }

    /** Two receivers, one of them after commit: outside a transaction both run during the send. */
    @Benchmark
    public void fireWithAfterCommit() {
        withPhase.fire(sender, payload);
    }

    /** The same two receivers' work, both plain. */
    @Benchmark
    public void fireTwoPlain() {
        plain.fire(sender, payload);
    }
}
