package signals.benchmarks;

import jakarta.enterprise.event.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import signals.core.ConnectOption;
import signals.core.Receiver;
import signals.core.Signal;

/**
 * Sender-filtered delivery: ten thousand receivers, each for a different sender
 * ({@code "entity-<i>"}, think one receiver per entity on {@code post_save}), and one send from
 * one of those senders, which must reach its one receiver. Every contender gets the same ten
 * thousand senders and the same receiver work.
 *
 * <p>The peers have no sender; each is given the way it offers to target one:
 * <ul>
 *   <li>{@code handMap}, the limit: a hand-written {@code HashMap<sender, Receiver[]>}, one
 *       {@code get}, then {@link PlainLoop#deliver} over the array found;</li>
 *   <li>{@code fire}: {@code Signal.fire} on a signal whose receivers are each connected with
 *       {@code ConnectOption.sender(sender)};</li>
 *   <li>{@code guava} and {@code greenrobot}: both route by event class only, so the way to
 *       reach one sender's subscribers is a bus per sender, kept by the application in a
 *       {@code HashMap<sender, EventBus>}: one {@code get}, one {@code post};</li>
 *   <li>{@code springMulticaster}: Spring can narrow listeners by the <em>class</em> of the
 *       event's source ({@code SmartApplicationListener.supportsSourceType}), not by the source
 *       object, so every listener is called and compares the source, as an
 *       {@code @EventListener(condition = "...")} does ({@link SpringReceivers.ForSource});</li>
 *   <li>{@code weld}: a qualifier with a member, {@code @Sender("entity-<i>")}, on ten thousand
 *       synthetic observers that a portable extension adds (ten thousand observer methods cannot
 *       be written by hand); the send selects the qualifier, as
 *       {@code event.select(new Sender.Literal(sender)).fire(payload)} in application code;
 *       {@code weldPreselected} keeps the selected {@code Event} of every sender in a map, to
 *       separate the selection's cost from the notification's.</li>
 * </ul>
 */
// A fixed, pre-touched heap: on this project's (virtual) machines the first touch of new heap
// pages costs far more than the code under test, and made the allocating benchmarks erratic.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class PeerSendersBenchmark {

    static final int SENDERS = 10_000;

    // Not final, so that the JIT cannot fold them into constants. The peers' states read them
    // too, from another instance of this class (JMH makes one per dependent state): they only
    // read values that are equal in every instance.
    List<String> senders;
    String target;
    Payload payload;

    /** Names the senders and picks the one that sends. */
    @Setup(Level.Trial)
    public void senders() {
        senders = new ArrayList<>(SENDERS);
        for (int i = 0; i < SENDERS; i++) {
            senders.add("entity-" + i);
        }
        // A fresh String equal to the connected one, as a sender arriving from elsewhere would be.
        target = new String(senders.get(SENDERS / 2 + 17));
        payload = new Payload(42, "margherita");
    }

    /** The library: one signal, each receiver connected for its sender. */
    @State(Scope.Thread)
    public static class Signals {
        Signal<Payload> signal;

        /**
         * Connects the receivers.
         *
         * @param run the senders
         * @param bh where the receivers put their payload
         */
        @Setup(Level.Trial)
        public void setUp(PeerSendersBenchmark run, Blackhole bh) {
            Receivers.polluteSendPaths(bh);
            signal = Signal.of("post_save", Payload.class);
            for (int i = 0; i < SENDERS; i++) {
                signal.connect(Receivers.create(i, bh), ConnectOption.sender(run.senders.get(i)));
            }
            if (!signal.hasListeners(run.target) || signal.hasListeners("entity-nobody-listens-to")) {
                throw new IllegalStateException("the per-sender routing does not work as benchmarked");
            }
        }
    }

    /** The limit: a map from sender to its receivers. */
    @State(Scope.Thread)
    public static class HandMap {
        Map<Object, Receiver<Payload>[]> receivers;
        Signal<Payload> signal;

        /**
         * Fills the map.
         *
         * @param run the senders
         * @param bh where the receivers put their payload
         */
        @Setup(Level.Trial)
        public void setUp(PeerSendersBenchmark run, Blackhole bh) {
            Receivers.polluteSendPaths(bh);
            signal = Signal.of("post_save", Payload.class);
            receivers = new HashMap<>();
            for (int i = 0; i < SENDERS; i++) {
                receivers.put(run.senders.get(i), Receivers.create(1, bh, i));
            }
        }
    }

    /** A Guava bus per sender. */
    @State(Scope.Thread)
    public static class Guava {
        Map<Object, com.google.common.eventbus.EventBus> buses;

        /**
         * Makes one bus per sender with its one subscriber.
         *
         * @param run the senders
         * @param bh where the receivers put their payload
         */
        @Setup(Level.Trial)
        public void setUp(PeerSendersBenchmark run, Blackhole bh) {
            GuavaReceivers.pollute(bh);
            buses = new HashMap<>();
            for (int i = 0; i < SENDERS; i++) {
                com.google.common.eventbus.EventBus bus = new com.google.common.eventbus.EventBus(run.senders.get(i));
                bus.register(GuavaReceivers.create(i, bh));
                buses.put(run.senders.get(i), bus);
            }
        }
    }

    /** A greenrobot bus per sender. */
    @State(Scope.Thread)
    public static class Greenrobot {
        Map<Object, org.greenrobot.eventbus.EventBus> buses;

        /**
         * Makes one bus per sender with its one subscriber.
         *
         * @param run the senders
         * @param bh where the receivers put their payload
         */
        @Setup(Level.Trial)
        public void setUp(PeerSendersBenchmark run, Blackhole bh) {
            GreenrobotReceivers.pollute(bh);
            buses = new HashMap<>();
            for (int i = 0; i < SENDERS; i++) {
                org.greenrobot.eventbus.EventBus bus = GreenrobotReceivers.bus(0, bh);
                bus.register(GreenrobotReceivers.create(i, bh));
                buses.put(run.senders.get(i), bus);
            }
        }
    }

    /** One Spring multicaster, every listener checking the source. */
    @State(Scope.Thread)
    public static class SpringMulticaster {
        SimpleApplicationEventMulticaster multicaster;

        /**
         * Adds one source-checking listener per sender.
         *
         * @param run the senders
         * @param bh where the receivers put their payload
         */
        @Setup(Level.Trial)
        public void setUp(PeerSendersBenchmark run, Blackhole bh) {
            SpringReceivers.polluteMulticaster(bh);
            multicaster = new SimpleApplicationEventMulticaster();
            for (int i = 0; i < SENDERS; i++) {
                multicaster.addApplicationListener(
                        new SpringReceivers.ForSource(run.senders.get(i), SpringReceivers.listener(i, bh)));
            }
        }
    }

    /** Weld SE with one synthetic observer per sender. */
    @State(Scope.Thread)
    public static class Weld {
        WeldContainer container;
        Map<Object, Event<Payload>> selected;

        /**
         * Starts the container with the extension that adds the observers, and checks that a
         * sender's event reaches exactly one.
         *
         * @param run the senders
         * @param bh where the receivers put their payload
         */
        @Setup(Level.Trial)
        public void setUp(PeerSendersBenchmark run, Blackhole bh) {
            container = WeldReceivers.start(bh, new Arrivals(), new WeldReceivers.SenderObservers(run.senders, bh));
            int observers = container.getBeanManager()
                    .resolveObserverMethods(run.payload, new WeldReceivers.Sender.Literal(run.target)).size();
            if (observers != 1) {
                throw new IllegalStateException("the event reaches " + observers + " observers, not 1");
            }
            WeldReceivers.pollute(container);
            selected = new HashMap<>();
            for (String sender : run.senders) {
                selected.put(sender, container.event().select(Payload.class, new WeldReceivers.Sender.Literal(sender)));
            }
        }

        /** Stops the container. */
        @TearDown(Level.Trial)
        public void close() {
            container.close();
        }
    }

    /**
     * The limit: a look-up and a loop.
     *
     * @param map the map
     */
    @Benchmark
    public void handMap(HandMap map) {
        PlainLoop.deliver(map.receivers.get(target), map.signal, target, payload);
    }

    /**
     * {@code Signal.fire} from one sender of ten thousand.
     *
     * @param signals the signal
     */
    @Benchmark
    public void fire(Signals signals) {
        signals.signal.fire(target, payload);
    }

    /**
     * Guava: that sender's bus.
     *
     * @param guava the buses
     */
    @Benchmark
    public void guava(Guava guava) {
        guava.buses.get(target).post(payload);
    }

    /**
     * greenrobot: that sender's bus.
     *
     * @param greenrobot the buses
     */
    @Benchmark
    public void greenrobot(Greenrobot greenrobot) {
        greenrobot.buses.get(target).post(payload);
    }

    /**
     * Spring: every listener looks at the source.
     *
     * @param spring the multicaster
     */
    @Benchmark
    public void springMulticaster(SpringMulticaster spring) {
        spring.multicaster.multicastEvent(new PayloadApplicationEvent<>(target, payload));
    }

    /**
     * CDI: the event selected with the sender's qualifier.
     *
     * @param weld the container
     */
    @Benchmark
    public void weld(Weld weld) {
        weld.container.event().select(Payload.class, new WeldReceivers.Sender.Literal(target)).fire(payload);
    }

    /**
     * CDI with the selection taken out: the application keeps one selected {@code Event} per
     * sender in a map, and fires the one of that sender.
     *
     * @param weld the container and the selected events
     */
    @Benchmark
    public void weldPreselected(Weld weld) {
        weld.selected.get(target).fire(payload);
    }
}
