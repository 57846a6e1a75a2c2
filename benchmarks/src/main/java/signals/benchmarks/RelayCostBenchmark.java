package signals.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
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
import signals.core.Kwargs;
import signals.core.Signal;
import signals.relay.Relay;
import signals.relay.RelayCodec;
import signals.relay.spi.Transport;
import signals.relay.spi.TransportContext;
import signals.relay.spi.TransportSession;
import signals.relay.spi.WireMessage;

/**
 * What the relay costs the sending thread, without a broker: a transport that confirms every
 * batch at once stands in for one, so that only the relay's own work is measured. (One that took
 * time to confirm would let the queue of sends grow faster than it drains, and the benchmark would
 * measure the garbage collector: a broker that cannot keep up is {@code NatsRelayBenchmark}'s and
 * {@code PgRelayBenchmark}'s subject, not this one's.)
 *
 * <p>{@code relay=off} runs no relay; {@code relay=running} runs one that relays {@code relayed}
 * and not {@code local}. {@code sendLocal} is the "a signal that is not relayed pays
 * nothing": the same time and 0 B/op with a relay running as without. {@code sendRelayed} with a
 * relay running is what a relayed send costs the thread that sends it outside a transaction
 * (writing the message with {@link RelayCodec#kwargs()}, its headers and id, and queueing it); the
 * publishing thread's work and the broker's are {@code NatsRelayBenchmark}'s and
 * {@code PgRelayBenchmark}'s.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class RelayCostBenchmark {

    @Param({"off", "running"})
    String relay;

    // Not final, so that the JIT cannot fold them into constants.
    Signal<Kwargs> relayed;
    Signal<Kwargs> local;
    Kwargs payload;
    Object sender;
    private Relay running;

    /**
     * Connects one receiver to each signal and starts the relay when asked.
     *
     * @param bh where the receivers put their payload
     */
    @Setup(Level.Trial)
    public void setUp(Blackhole bh) {
        sender = "checkout";
        payload = Kwargs.of("order", 42L, "cents", 1999);
        relayed = Signal.withArguments("order_paid", "order", "cents");
        local = Signal.withArguments("order_viewed", "order", "cents");
        relayed.connect((signal, sender, kwargs) -> bh.consume(kwargs));
        local.connect((signal, sender, kwargs) -> bh.consume(kwargs));
        if (relay.equals("running")) {
            running = Relay.builder("bench").instanceId("cost").relay(relayed, RelayCodec.kwargs())
                    .transport(new TakesEverything()).start();
        }
    }

    /** Stops the relay. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (running != null) {
            running.close();
        }
    }

    /** A send of a signal that is not relayed. */
    @Benchmark
    public void sendLocal() {
        local.send(sender, payload);
    }

    /** A send of a signal that is relayed when a relay runs. */
    @Benchmark
    public void sendRelayed() {
        relayed.send(sender, payload);
    }

    /** A broker that confirms every batch at once and never delivers anything. */
    static final class TakesEverything implements Transport {

        @Override
        public String description() {
            return "nothing (benchmark)";
        }

        @Override
        public TransportSession open(TransportContext context) {
            return new TransportSession() {
                @Override
                public int maxMessageBytes() {
                    return 1 << 20;
                }

                @Override
                public void publish(List<WireMessage> batch) {
                    // confirmed
                }

                @Override
                public long behind() {
                    return 0;
                }

                @Override
                public void close() {
                    // nothing to stop
                }
            };
        }
    }
}
