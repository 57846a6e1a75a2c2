package signals.benchmarks;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jboss.weld.environment.se.WeldContainer;
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
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import signals.core.Receiver;
import signals.core.Signal;

/**
 * Asynchronous delivery to {@code receivers} receivers, timed from the send call until the last
 * receiver has run: {@code Signal.sendAsync}, Spring {@code @Async @EventListener} methods
 * published through an application context with {@code @EnableAsync}, and CDI
 * {@code Event.fireAsync} to {@code @ObservesAsync} methods in Weld SE. Each contender runs its
 * receivers on its own fixed pool of {@code THREADS} threads, given to it the way its API takes
 * an executor ({@code sendAsync(sender, payload, executor)}, {@code AsyncConfigurer},
 * {@code NotificationOptions.ofExecutor}).
 *
 * <p>Every receiver does {@code bh.consume(payload)} and then arrives at the same
 * {@link Arrivals}; the sending thread waits there. The contenders do not wait on their own
 * futures, since Spring's {@code publishEvent} returns none. How they split the work differs,
 * and is part of what is measured: {@code sendAsync} runs all receivers of a send one after the
 * other in one task; Spring submits one task per listener.
 */
// A fixed, pre-touched heap: on this project's (virtual) machines the first touch of new heap
// pages costs far more than the code under test, and made the allocating benchmarks erratic.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class PeerAsyncBenchmark {

    /** The same pool size for every contender: the machine's two cores. */
    static final int THREADS = 2;

    // Not final, so that the JIT cannot fold them into constants.
    Object sender = "checkout";
    Payload payload = new Payload(42, "margherita");

    /**
     * What every contender's state shares with its benchmark method: the receiver count, the
     * arrivals and the pool. The benchmark method reaches it through the contender's state:
     * JMH 1.37 hands a state's {@code @Setup} another instance of a state class than the one it
     * passes to the benchmark method itself, so the two would not wait on the same arrivals.
     */
    @State(Scope.Thread)
    public static class Run {
        /** How many receivers every contender delivers to. */
        @Param({"1", "10"})
        public int receivers;

        final Arrivals arrivals = new Arrivals();
        ExecutorService executor;

        /** Starts the pool. */
        @Setup(Level.Trial)
        public void startPool() {
            executor = Executors.newFixedThreadPool(THREADS);
        }

        /** Stops the pool. */
        @TearDown(Level.Trial)
        public void stopPool() {
            executor.shutdownNow();
        }
    }

    /** The library: a signal with the receivers connected. */
    @State(Scope.Thread)
    public static class Signals {
        Run run;
        Signal<Payload> signal;

        /**
         * Connects the receivers.
         *
         * @param run the receiver count and the arrivals
         * @param bh where the receivers put their payload
         */
        @Setup(Level.Trial)
        public void setUp(Run run, Blackhole bh) {
            this.run = run;
            Receivers.polluteSendPaths(bh);
            signal = Signal.of("order_placed", Payload.class);
            for (int i = 0; i < run.receivers; i++) {
                signal.connect(arriving(i, bh, run.arrivals));
            }
        }

        // Ten lambda classes, as in Receivers, each also arriving.
        private static Receiver<Payload> arriving(int kind, Blackhole bh, Arrivals arrivals) {
            return switch (kind % Receivers.KINDS) {
                case 0 -> (signal, sender, payload) -> { bh.consume(payload); arrivals.arrive(); };
                case 1 -> (signal, sender, payload) -> { bh.consume(payload); arrivals.arrive(); };
                case 2 -> (signal, sender, payload) -> { bh.consume(payload); arrivals.arrive(); };
                case 3 -> (signal, sender, payload) -> { bh.consume(payload); arrivals.arrive(); };
                case 4 -> (signal, sender, payload) -> { bh.consume(payload); arrivals.arrive(); };
                case 5 -> (signal, sender, payload) -> { bh.consume(payload); arrivals.arrive(); };
                case 6 -> (signal, sender, payload) -> { bh.consume(payload); arrivals.arrive(); };
                case 7 -> (signal, sender, payload) -> { bh.consume(payload); arrivals.arrive(); };
                case 8 -> (signal, sender, payload) -> { bh.consume(payload); arrivals.arrive(); };
                case 9 -> (signal, sender, payload) -> { bh.consume(payload); arrivals.arrive(); };
                default -> throw new AssertionError(kind);
            };
        }
    }

    /** A Spring context with {@code @EnableAsync} and the {@code @Async} listener beans. */
    @State(Scope.Thread)
    public static class Spring {
        Run run;
        AnnotationConfigApplicationContext context;

        /**
         * Starts the context.
         *
         * @param run the receiver count, the arrivals and the pool
         * @param bh where the receivers put their payload
         */
        @Setup(Level.Trial)
        public void setUp(Run run, Blackhole bh) {
            this.run = run;
            context = SpringReceivers.asyncContext(run.receivers, bh, run.arrivals, run.executor);
        }

        /** Closes the context. */
        @TearDown(Level.Trial)
        public void close() {
            context.close();
        }
    }

    /** Weld SE and the event that reaches the {@code @ObservesAsync} methods. */
    @State(Scope.Thread)
    public static class Weld {
        Run run;
        WeldContainer container;
        Event<Payload> event;
        NotificationOptions options;

        /**
         * Starts the container and checks that the event reaches exactly the receivers.
         *
         * @param run the receiver count, the arrivals and the pool
         * @param bh where the receivers put their payload
         */
        @Setup(Level.Trial)
        public void setUp(Run run, Blackhole bh) {
            this.run = run;
            container = WeldReceivers.start(bh, run.arrivals);
            long observers = container.getBeanManager()
                    .resolveObserverMethods(new Payload(42, "margherita"), WeldReceivers.qualifiers(run.receivers)).stream()
                    .filter(observer -> observer.isAsync()).count();
            if (observers != run.receivers) {
                throw new IllegalStateException("the event reaches " + observers + " async observers, not " + run.receivers);
            }
            event = WeldReceivers.event(container, run.receivers);
            options = NotificationOptions.ofExecutor(run.executor);
        }

        /** Stops the container. */
        @TearDown(Level.Trial)
        public void close() {
            container.close();
        }
    }

    /**
     * {@code Signal.sendAsync} on the pool.
     *
     * @param signals the signal
     */
    @Benchmark
    public void sendAsync(Signals signals) {
        Run run = signals.run;
        run.arrivals.expect(run.receivers);
        signals.signal.sendAsync(sender, payload, run.executor);
        run.arrivals.await();
    }

    /**
     * Spring {@code publishEvent} to {@code @Async} listeners.
     *
     * @param spring the context
     */
    @Benchmark
    public void springAsync(Spring spring) {
        Run run = spring.run;
        run.arrivals.expect(run.receivers);
        spring.context.publishEvent(payload);
        run.arrivals.await();
    }

    /**
     * CDI {@code fireAsync} on the pool.
     *
     * @param weld the event and its options
     */
    @Benchmark
    public void weldFireAsync(Weld weld) {
        Run run = weld.run;
        run.arrivals.expect(run.receivers);
        weld.event.fireAsync(payload, weld.options);
        run.arrivals.await();
    }

    /**
     * Receivers that block, the usual reason to send asynchronously (issue 23 item 14):
     * {@code SENDS} sends at once, each to one receiver that waits {@code BLOCK_MICROS} (parked,
     * as a thread waiting for I/O is), timed until every receiver has run. {@code executor=default}
     * is {@code sendAsync(sender, payload)} without an executor: a virtual thread per send on JDK
     * 21 and later, the common pool before (parallelism one less than the cores); {@code pool} is
     * the same fixed pool of {@code THREADS} threads as the peers get. The floor is one wait,
     * {@code BLOCK_MICROS}; a pool of {@code n} threads needs {@code SENDS / n} of them in a row.
     * Run it on JDK 17 and on JDK 21 or later to see the difference.
     */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @State(Scope.Thread)
    public static class Blocking {

        /** Sends started together. */
        static final int SENDS = 8;

        /** How long each receiver blocks. */
        static final long BLOCK_MICROS = 1_000;

        /** Where the sends run: {@code default} (no executor given) or {@code pool}. */
        @Param({"default", "pool"})
        public String executor;

        final Arrivals arrivals = new Arrivals();
        final Object sender = "checkout";
        final Payload payload = new Payload(42, "margherita");
        Signal<Payload> signal;
        ExecutorService pool;

        /** Connects the blocking receiver and starts the pool. */
        @Setup(Level.Trial)
        public void setUp() {
            if (!executor.equals("default") && !executor.equals("pool")) {
                throw new IllegalArgumentException("executor is default or pool, not " + executor);
            }
            pool = Executors.newFixedThreadPool(THREADS);
            signal = Signal.of("order_placed", Payload.class);
            signal.connect((s, sender, order) -> {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(BLOCK_MICROS));
                arrivals.arrive();
            });
        }

        /** Stops the pool. */
        @TearDown(Level.Trial)
        public void stopPool() {
            pool.shutdownNow();
        }

        /** {@code SENDS} asynchronous sends whose receivers block, until all of them have run. */
        @Benchmark
        public void blockingReceivers() {
            arrivals.expect(SENDS);
            for (int i = 0; i < SENDS; i++) {
                if (executor.equals("default")) {
                    signal.sendAsync(sender, payload);
                } else {
                    signal.sendAsync(sender, payload, pool);
                }
            }
            arrivals.await();
        }
    }
}
