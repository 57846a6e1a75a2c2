package signals.benchmarks;

import jakarta.enterprise.event.Event;
import java.util.concurrent.TimeUnit;
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
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.SimpleApplicationEventMulticaster;

/**
 * One send to {@code receivers} receivers through each peer a Java team would otherwise pick.
 * Run it together with {@link SendBenchmark} ({@code fire}, {@code send}, {@code plainLoop}),
 * which has the same parameter, the same payload and the same receiver work,
 * {@code bh.consume(payload)}; {@code benchmarks/run peers} does.
 *
 * <p>Each peer finds its receivers its own way, and each is set up as its documentation says:
 * <ul>
 *   <li>{@code guava}: {@code EventBus.post} to {@code @Subscribe} methods of registered
 *       objects, ten subscriber classes ({@link GuavaReceivers}), all
 *       {@code @AllowConcurrentEvents}, so none is called under a lock;</li>
 *   <li>{@code greenrobot}: {@code EventBus.post} to {@code @Subscribe} methods of registered
 *       objects, ten classes ({@link GreenrobotReceivers}), thread mode {@code POSTING} (the
 *       default: called in the posting thread), "no subscriber" logging and events off;</li>
 *   <li>{@code springMulticaster}: {@code SimpleApplicationEventMulticaster.multicastEvent} of a
 *       new {@code PayloadApplicationEvent} (as {@code publishEvent} makes one for a plain
 *       object) to {@code ApplicationListener}s of ten classes, no task executor;</li>
 *   <li>{@code springEventListener}: {@code ApplicationContext.publishEvent(payload)} on an
 *       {@code AnnotationConfigApplicationContext} whose beans have {@code @EventListener}
 *       methods, ten bean classes;</li>
 *   <li>{@code weld}: Weld SE {@code Event.fire} to observer methods of {@code @ApplicationScoped}
 *       beans that Weld discovers in this jar's bean archive; the observers an event reaches
 *       are chosen by qualifiers (see {@link WeldReceivers}), and the {@code Event} is selected
 *       once, as an injected one is.</li>
 * </ul>
 *
 * <p>Megamorphic call sites, as in {@link SendBenchmark}: before measuring, every fork delivers
 * 50,000 events through the very peer it measures to ten receivers of ten classes (for Spring's
 * context and for Guava, greenrobot and the multicaster, on a bus or context of their own;
 * for Weld, through the same container with the ten-observer qualifiers). Each contender runs in
 * its own fork, so none sees another's classes.
 */
// A fixed, pre-touched heap: on this project's (virtual) machines the first touch of new heap
// pages costs far more than the code under test, and made the allocating benchmarks erratic.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class PeerSendBenchmark {

    /** How many receivers every peer delivers to. */
    @Param({"0", "1", "10", "100"})
    public int receivers;

    // Not final, so that the JIT cannot fold them into constants. The peers' states read them
    // too, from another instance of this class (JMH makes one per dependent state): they only
    // read values that are equal in every instance.
    Object sender = "checkout";
    Payload payload = new Payload(42, "margherita");

    /** A Guava bus with the receivers registered. */
    @State(Scope.Thread)
    public static class Guava {
        com.google.common.eventbus.EventBus bus;

        /**
         * Pollutes, then registers.
         *
         * @param size the number of receivers
         * @param bh where the receivers put their payload
         */
        @Setup(Level.Trial)
        public void setUp(PeerSendBenchmark size, Blackhole bh) {
            GuavaReceivers.pollute(bh);
            bus = GuavaReceivers.bus(size.receivers, bh);
        }
    }

    /** A greenrobot bus with the receivers registered. */
    @State(Scope.Thread)
    public static class Greenrobot {
        org.greenrobot.eventbus.EventBus bus;

        /**
         * Pollutes, then registers.
         *
         * @param size the number of receivers
         * @param bh where the receivers put their payload
         */
        @Setup(Level.Trial)
        public void setUp(PeerSendBenchmark size, Blackhole bh) {
            GreenrobotReceivers.pollute(bh);
            bus = GreenrobotReceivers.bus(size.receivers, bh);
        }
    }

    /** A Spring multicaster on its own with the listeners added. */
    @State(Scope.Thread)
    public static class SpringMulticaster {
        SimpleApplicationEventMulticaster multicaster;

        /**
         * Pollutes, then adds the listeners.
         *
         * @param size the number of receivers
         * @param bh where the receivers put their payload
         */
        @Setup(Level.Trial)
        public void setUp(PeerSendBenchmark size, Blackhole bh) {
            SpringReceivers.polluteMulticaster(bh);
            multicaster = SpringReceivers.multicaster(size.receivers, bh);
        }
    }

    /** A started Spring application context whose beans are the {@code @EventListener}s. */
    @State(Scope.Thread)
    public static class SpringContext {
        AnnotationConfigApplicationContext context;

        /**
         * Pollutes, then starts the context.
         *
         * @param size the number of receivers
         * @param bh where the receivers put their payload
         */
        @Setup(Level.Trial)
        public void setUp(PeerSendBenchmark size, Blackhole bh) {
            SpringReceivers.polluteContext(bh);
            context = SpringReceivers.context(size.receivers, bh);
        }

        /** Closes the context. */
        @TearDown(Level.Trial)
        public void close() {
            context.close();
        }
    }

    /** A started Weld SE container and the event that reaches the receivers. */
    @State(Scope.Thread)
    public static class Weld {
        WeldContainer container;
        Event<Payload> event;

        /**
         * Starts the container, checks that the event reaches exactly the receivers, pollutes.
         *
         * @param size the number of receivers
         * @param bh where the receivers put their payload
         */
        @Setup(Level.Trial)
        public void setUp(PeerSendBenchmark size, Blackhole bh) {
            container = WeldReceivers.start(bh, new Arrivals());
            long observers = container.getBeanManager()
                    .resolveObserverMethods(size.payload, WeldReceivers.qualifiers(size.receivers)).stream()
                    .filter(observer -> !observer.isAsync()).count();
            if (observers != size.receivers) {
                throw new IllegalStateException("the event reaches " + observers + " observers, not " + size.receivers);
            }
            WeldReceivers.pollute(container);
            event = WeldReceivers.event(container, size.receivers);
        }

        /** Stops the container. */
        @TearDown(Level.Trial)
        public void close() {
            container.close();
        }
    }

    /**
     * Guava's {@code EventBus.post}.
     *
     * @param guava the bus
     */
    @Benchmark
    public void guava(Guava guava) {
        guava.bus.post(payload);
    }

    /**
     * greenrobot's {@code EventBus.post}.
     *
     * @param greenrobot the bus
     */
    @Benchmark
    public void greenrobot(Greenrobot greenrobot) {
        greenrobot.bus.post(payload);
    }

    /**
     * Spring's multicaster, with the event object Spring needs around a payload.
     *
     * @param spring the multicaster
     */
    @Benchmark
    public void springMulticaster(SpringMulticaster spring) {
        spring.multicaster.multicastEvent(new PayloadApplicationEvent<>(sender, payload));
    }

    /**
     * Spring's {@code publishEvent} to {@code @EventListener} methods.
     *
     * @param spring the context
     */
    @Benchmark
    public void springEventListener(SpringContext spring) {
        spring.context.publishEvent(payload);
    }

    /**
     * CDI's {@code Event.fire} in Weld SE.
     *
     * @param weld the container and its event
     */
    @Benchmark
    public void weld(Weld weld) {
        weld.event.fire(payload);
    }
}
