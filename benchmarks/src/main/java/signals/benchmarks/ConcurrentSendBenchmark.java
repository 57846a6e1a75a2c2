package signals.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import signals.core.Receiver;
import signals.core.Signal;

/**
 * One thread fires a signal with ten receivers while a second thread, at the same time, either
 * connects and disconnects a receiver on that signal ({@code churn}) or burns CPU without
 * touching it ({@code control}). Sends read an immutable snapshot and take no lock, so the
 * firing thread's throughput should be about the same in both groups.
 */
// A fixed, pre-touched heap: on this project's (virtual) machines the first touch of new heap
// pages costs far more than the code under test, and made the allocating benchmarks erratic.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Group)
public class ConcurrentSendBenchmark {

    static final int RECEIVERS = 10;

    Signal<Payload> signal;
    Receiver<Payload> extra;
    Object sender;
    Payload payload;

    /**
     * Connects ten receivers, and keeps an eleventh for the churning thread.
     *
     * @param bh where the receivers put their payload
     */
    @Setup(Level.Trial)
    public void connect(Blackhole bh) {
        Receivers.polluteSendPaths(bh);
        sender = "checkout";
        payload = new Payload(42, "margherita");
        signal = Signal.of("order_placed", Payload.class);
        for (Receiver<Payload> receiver : Receivers.create(RECEIVERS, bh, 0)) {
            signal.connect(receiver);
        }
        extra = Receivers.create(RECEIVERS, bh);
    }

    /**
     * Fires while the other thread connects and disconnects.
     */
    @Benchmark
    @Group("churn")
    @GroupThreads(1)
    public void fireWhileChurning() {
        signal.fire(sender, payload);
    }

    /**
     * Connects a receiver and disconnects it again: two new snapshots per call.
     *
     * @return whether the disconnect found the connection, for JMH to consume
     */
    @Benchmark
    @Group("churn")
    @GroupThreads(1)
    public boolean connectDisconnect() {
        return signal.connect(extra).disconnect();
    }

    /**
     * Fires while the other thread only burns CPU.
     */
    @Benchmark
    @Group("control")
    @GroupThreads(1)
    public void fireWhileNeighbourSpins() {
        signal.fire(sender, payload);
    }

    /**
     * Keeps the second core busy without touching the signal.
     */
    @Benchmark
    @Group("control")
    @GroupThreads(1)
    public void spin() {
        Blackhole.consumeCPU(1_000);
    }
}
