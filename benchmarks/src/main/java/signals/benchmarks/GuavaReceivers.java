package signals.benchmarks;

import com.google.common.eventbus.AllowConcurrentEvents;
import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;
import java.util.List;
import java.util.function.Function;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Guava {@link EventBus} subscribers: ten classes, each with its own {@code @Subscribe} method,
 * each doing what every receiver of the benchmarks does, {@code bh.consume(payload)}.
 *
 * <p>Every method also carries {@link AllowConcurrentEvents}: without it Guava wraps each
 * subscriber in a {@code synchronized} call, a cost that the other contenders do not pay. The
 * peer gets its fastest documented setting.
 */
final class GuavaReceivers {

    private GuavaReceivers() {
    }

    /** What the ten subscriber classes share: where they put the payload. */
    abstract static class Kind {
        final Blackhole bh;

        Kind(Blackhole bh) {
            this.bh = bh;
        }
    }

    // Ten classes on purpose, each with its own method, so that Guava's reflective call sees ten
    // targets, as in an application with many subscribers.
    static final class K0 extends Kind { K0(Blackhole bh) { super(bh); } @Subscribe @AllowConcurrentEvents public void on(Payload p) { bh.consume(p); } }
    static final class K1 extends Kind { K1(Blackhole bh) { super(bh); } @Subscribe @AllowConcurrentEvents public void on(Payload p) { bh.consume(p); } }
    static final class K2 extends Kind { K2(Blackhole bh) { super(bh); } @Subscribe @AllowConcurrentEvents public void on(Payload p) { bh.consume(p); } }
    static final class K3 extends Kind { K3(Blackhole bh) { super(bh); } @Subscribe @AllowConcurrentEvents public void on(Payload p) { bh.consume(p); } }
    static final class K4 extends Kind { K4(Blackhole bh) { super(bh); } @Subscribe @AllowConcurrentEvents public void on(Payload p) { bh.consume(p); } }
    static final class K5 extends Kind { K5(Blackhole bh) { super(bh); } @Subscribe @AllowConcurrentEvents public void on(Payload p) { bh.consume(p); } }
    static final class K6 extends Kind { K6(Blackhole bh) { super(bh); } @Subscribe @AllowConcurrentEvents public void on(Payload p) { bh.consume(p); } }
    static final class K7 extends Kind { K7(Blackhole bh) { super(bh); } @Subscribe @AllowConcurrentEvents public void on(Payload p) { bh.consume(p); } }
    static final class K8 extends Kind { K8(Blackhole bh) { super(bh); } @Subscribe @AllowConcurrentEvents public void on(Payload p) { bh.consume(p); } }
    static final class K9 extends Kind { K9(Blackhole bh) { super(bh); } @Subscribe @AllowConcurrentEvents public void on(Payload p) { bh.consume(p); } }

    // Constructors of the ten kinds, in kind order.
    private static final List<Function<Blackhole, Object>> KINDS = List.of(K0::new, K1::new, K2::new, K3::new, K4::new, K5::new, K6::new, K7::new, K8::new, K9::new);

    /** A new subscriber of kind {@code kind % Receivers.KINDS}. */
    static Object create(int kind, Blackhole bh) {
        return KINDS.get(kind % Receivers.KINDS).apply(bh);
    }

    /** A new bus with {@code count} subscribers registered, cycling through the kinds. */
    static EventBus bus(int count, Blackhole bh) {
        EventBus bus = new EventBus("benchmark");
        for (int i = 0; i < count; i++) {
            bus.register(create(i, bh));
        }
        return bus;
    }

    /**
     * Posts to every subscriber kind many times before measuring, as
     * {@link Receivers#polluteSendPaths} does for the library: Guava's dispatch and reflective
     * call then see ten subscriber classes, as they would in an application.
     */
    static void pollute(Blackhole bh) {
        EventBus warm = bus(Receivers.KINDS, bh);
        Payload payload = new Payload(1, "warm-up");
        for (int i = 0; i < Receivers.WARM_CALLS; i++) {
            warm.post(payload);
        }
    }
}
