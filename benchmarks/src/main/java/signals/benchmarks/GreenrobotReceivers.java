package signals.benchmarks;

import java.util.List;
import java.util.function.Function;
import org.greenrobot.eventbus.EventBus;
import org.greenrobot.eventbus.Subscribe;
import org.openjdk.jmh.infra.Blackhole;

/**
 * greenrobot {@link EventBus} subscribers: ten public classes, each with its own public
 * {@code @Subscribe} method (greenrobot calls them with {@code Method.invoke} and no
 * {@code setAccessible}, so both must be public), each doing {@code bh.consume(payload)}.
 */
public final class GreenrobotReceivers {

    private GreenrobotReceivers() {
    }

    /** What the ten subscriber classes share: where they put the payload. */
    public abstract static class Kind {
        final Blackhole bh;

        Kind(Blackhole bh) {
            this.bh = bh;
        }
    }

    // Ten classes on purpose, so that greenrobot's reflective call sees ten targets.
    public static final class K0 extends Kind { K0(Blackhole bh) { super(bh); } @Subscribe public void on(Payload p) { bh.consume(p); } }
    public static final class K1 extends Kind { K1(Blackhole bh) { super(bh); } @Subscribe public void on(Payload p) { bh.consume(p); } }
    public static final class K2 extends Kind { K2(Blackhole bh) { super(bh); } @Subscribe public void on(Payload p) { bh.consume(p); } }
    public static final class K3 extends Kind { K3(Blackhole bh) { super(bh); } @Subscribe public void on(Payload p) { bh.consume(p); } }
    public static final class K4 extends Kind { K4(Blackhole bh) { super(bh); } @Subscribe public void on(Payload p) { bh.consume(p); } }
    public static final class K5 extends Kind { K5(Blackhole bh) { super(bh); } @Subscribe public void on(Payload p) { bh.consume(p); } }
    public static final class K6 extends Kind { K6(Blackhole bh) { super(bh); } @Subscribe public void on(Payload p) { bh.consume(p); } }
    public static final class K7 extends Kind { K7(Blackhole bh) { super(bh); } @Subscribe public void on(Payload p) { bh.consume(p); } }
    public static final class K8 extends Kind { K8(Blackhole bh) { super(bh); } @Subscribe public void on(Payload p) { bh.consume(p); } }
    public static final class K9 extends Kind { K9(Blackhole bh) { super(bh); } @Subscribe public void on(Payload p) { bh.consume(p); } }

    // Constructors of the ten kinds, in kind order.
    private static final List<Function<Blackhole, Object>> KINDS = List.of(K0::new, K1::new, K2::new, K3::new, K4::new, K5::new, K6::new, K7::new, K8::new, K9::new);

    /** A new subscriber of kind {@code kind % Receivers.KINDS}. */
    static Object create(int kind, Blackhole bh) {
        return KINDS.get(kind % Receivers.KINDS).apply(bh);
    }

    /**
     * A new bus, as an application configures one, with {@code count} subscribers registered.
     * Only the "no subscriber" reporting is turned off: by default greenrobot logs a line and
     * posts a {@code NoSubscriberEvent} for every event nobody listens to, which would measure
     * the logger at 0 receivers.
     */
    static EventBus bus(int count, Blackhole bh) {
        EventBus bus = EventBus.builder().logNoSubscriberMessages(false).sendNoSubscriberEvent(false).build();
        for (int i = 0; i < count; i++) {
            bus.register(create(i, bh));
        }
        return bus;
    }

    /** Posts to every subscriber kind many times before measuring (see {@link GuavaReceivers#pollute}). */
    static void pollute(Blackhole bh) {
        EventBus warm = bus(Receivers.KINDS, bh);
        Payload payload = new Payload(1, "warm-up");
        for (int i = 0; i < Receivers.WARM_CALLS; i++) {
            warm.post(payload);
        }
    }
}
