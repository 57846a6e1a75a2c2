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

/**
 * A signal with ten thousand receivers, each connected for its own sender (think one receiver
 * per entity class on {@code post_save}), against a signal with a single receiver. A send from
 * one sender should find its one receiver by a look-up, not by scanning ten thousand.
 */
// A fixed, pre-touched heap: on this project's (virtual) machines the first touch of new heap
// pages costs far more than the code under test, and made the allocating benchmarks erratic.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class SendersBenchmark {

    static final int SENDERS = 10_000;

    Signal<Payload> manySenders;
    Signal<Payload> single;
    Signal<Payload> singleForSender;
    Object target;
    Object stranger;
    Payload payload;

    /**
     * Connects one receiver per sender to {@code manySenders}, and one receiver to each of the
     * single-receiver signals.
     *
     * @param bh where the receivers put their payload
     */
    @Setup(Level.Trial)
    public void connect(Blackhole bh) {
        Receivers.polluteSendPaths(bh);
        payload = new Payload(42, "margherita");
        String[] senders = new String[SENDERS];
        for (int i = 0; i < SENDERS; i++) {
            senders[i] = "entity-" + i;
        }
        manySenders = Signal.of("post_save", Payload.class);
        for (int i = 0; i < SENDERS; i++) {
            manySenders.connect(Receivers.create(i, bh), ConnectOption.sender(senders[i]));
        }
        target = senders[SENDERS / 2 + 17];
        stranger = "entity-nobody-listens-to";
        // The reference: one receiver, connected for every sender.
        single = Signal.of("order_placed", Payload.class);
        single.connect(Receivers.create(0, bh));
        // The same receiver count, but reached through the per-sender map like manySenders.
        singleForSender = Signal.of("order_shipped", Payload.class);
        singleForSender.connect(Receivers.create(0, bh), ConnectOption.sender(target));
        if (!manySenders.hasListeners(target) || manySenders.hasListeners(stranger)) {
            throw new IllegalStateException("the per-sender routing does not work as benchmarked");
        }
    }

    /**
     * Fires from one sender of ten thousand; one receiver is called.
     */
    @Benchmark
    public void fireTenThousandSenders() {
        manySenders.fire(target, payload);
    }

    /**
     * Fires to a signal whose only receiver listens to every sender.
     */
    @Benchmark
    public void fireSingleReceiver() {
        single.fire(target, payload);
    }

    /**
     * Fires to a signal whose only receiver listens to this sender.
     */
    @Benchmark
    public void fireSingleReceiverForSender() {
        singleForSender.fire(target, payload);
    }

    /**
     * Asks whether a connected sender has listeners.
     *
     * @return true
     */
    @Benchmark
    public boolean hasListenersTenThousandSenders() {
        return manySenders.hasListeners(target);
    }

    /**
     * Asks whether a sender nobody connected for has listeners.
     *
     * @return false
     */
    @Benchmark
    public boolean hasListenersUnknownSender() {
        return manySenders.hasListeners(stranger);
    }
}
