package signals.benchmarks;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Spring listeners, three sets of ten classes, each doing {@code bh.consume(payload)}:
 * {@link ApplicationListener} implementations for a {@link SimpleApplicationEventMulticaster}
 * used on its own ({@code L0}..{@code L9}), beans with an {@link EventListener} method for an
 * application context ({@code E0}..{@code E9}), and the same with {@link Async} for the
 * asynchronous benchmark ({@code A0}..{@code A9}).
 */
final class SpringReceivers {

    private SpringReceivers() {
    }

    /** The event a {@link SimpleApplicationEventMulticaster} carries for a plain payload. */
    interface Listener extends ApplicationListener<PayloadApplicationEvent<Payload>> {
    }

    /** What the listener classes share: where they put the payload. */
    abstract static class Kind {
        final Blackhole bh;

        Kind(Blackhole bh) {
            this.bh = bh;
        }
    }

    /** What the asynchronous listener classes share: where they report that they ran. */
    abstract static class AsyncKind extends Kind {
        final Arrivals arrivals;

        AsyncKind(Blackhole bh, Arrivals arrivals) {
            super(bh);
            this.arrivals = arrivals;
        }
    }

    // Ten classes per set on purpose, so that Spring's listener call sees ten targets.
    static final class L0 extends Kind implements Listener { L0(Blackhole bh) { super(bh); } @Override public void onApplicationEvent(PayloadApplicationEvent<Payload> e) { bh.consume(e.getPayload()); } }
    static final class L1 extends Kind implements Listener { L1(Blackhole bh) { super(bh); } @Override public void onApplicationEvent(PayloadApplicationEvent<Payload> e) { bh.consume(e.getPayload()); } }
    static final class L2 extends Kind implements Listener { L2(Blackhole bh) { super(bh); } @Override public void onApplicationEvent(PayloadApplicationEvent<Payload> e) { bh.consume(e.getPayload()); } }
    static final class L3 extends Kind implements Listener { L3(Blackhole bh) { super(bh); } @Override public void onApplicationEvent(PayloadApplicationEvent<Payload> e) { bh.consume(e.getPayload()); } }
    static final class L4 extends Kind implements Listener { L4(Blackhole bh) { super(bh); } @Override public void onApplicationEvent(PayloadApplicationEvent<Payload> e) { bh.consume(e.getPayload()); } }
    static final class L5 extends Kind implements Listener { L5(Blackhole bh) { super(bh); } @Override public void onApplicationEvent(PayloadApplicationEvent<Payload> e) { bh.consume(e.getPayload()); } }
    static final class L6 extends Kind implements Listener { L6(Blackhole bh) { super(bh); } @Override public void onApplicationEvent(PayloadApplicationEvent<Payload> e) { bh.consume(e.getPayload()); } }
    static final class L7 extends Kind implements Listener { L7(Blackhole bh) { super(bh); } @Override public void onApplicationEvent(PayloadApplicationEvent<Payload> e) { bh.consume(e.getPayload()); } }
    static final class L8 extends Kind implements Listener { L8(Blackhole bh) { super(bh); } @Override public void onApplicationEvent(PayloadApplicationEvent<Payload> e) { bh.consume(e.getPayload()); } }
    static final class L9 extends Kind implements Listener { L9(Blackhole bh) { super(bh); } @Override public void onApplicationEvent(PayloadApplicationEvent<Payload> e) { bh.consume(e.getPayload()); } }

    static final class E0 extends Kind { E0(Blackhole bh) { super(bh); } @EventListener public void on(Payload p) { bh.consume(p); } }
    static final class E1 extends Kind { E1(Blackhole bh) { super(bh); } @EventListener public void on(Payload p) { bh.consume(p); } }
    static final class E2 extends Kind { E2(Blackhole bh) { super(bh); } @EventListener public void on(Payload p) { bh.consume(p); } }
    static final class E3 extends Kind { E3(Blackhole bh) { super(bh); } @EventListener public void on(Payload p) { bh.consume(p); } }
    static final class E4 extends Kind { E4(Blackhole bh) { super(bh); } @EventListener public void on(Payload p) { bh.consume(p); } }
    static final class E5 extends Kind { E5(Blackhole bh) { super(bh); } @EventListener public void on(Payload p) { bh.consume(p); } }
    static final class E6 extends Kind { E6(Blackhole bh) { super(bh); } @EventListener public void on(Payload p) { bh.consume(p); } }
    static final class E7 extends Kind { E7(Blackhole bh) { super(bh); } @EventListener public void on(Payload p) { bh.consume(p); } }
    static final class E8 extends Kind { E8(Blackhole bh) { super(bh); } @EventListener public void on(Payload p) { bh.consume(p); } }
    static final class E9 extends Kind { E9(Blackhole bh) { super(bh); } @EventListener public void on(Payload p) { bh.consume(p); } }

    // Not final: @Async works through a subclass proxy.
    static class A0 extends AsyncKind { A0(Blackhole bh, Arrivals a) { super(bh, a); } @Async @EventListener public void on(Payload p) { bh.consume(p); arrivals.arrive(); } }
    static class A1 extends AsyncKind { A1(Blackhole bh, Arrivals a) { super(bh, a); } @Async @EventListener public void on(Payload p) { bh.consume(p); arrivals.arrive(); } }
    static class A2 extends AsyncKind { A2(Blackhole bh, Arrivals a) { super(bh, a); } @Async @EventListener public void on(Payload p) { bh.consume(p); arrivals.arrive(); } }
    static class A3 extends AsyncKind { A3(Blackhole bh, Arrivals a) { super(bh, a); } @Async @EventListener public void on(Payload p) { bh.consume(p); arrivals.arrive(); } }
    static class A4 extends AsyncKind { A4(Blackhole bh, Arrivals a) { super(bh, a); } @Async @EventListener public void on(Payload p) { bh.consume(p); arrivals.arrive(); } }
    static class A5 extends AsyncKind { A5(Blackhole bh, Arrivals a) { super(bh, a); } @Async @EventListener public void on(Payload p) { bh.consume(p); arrivals.arrive(); } }
    static class A6 extends AsyncKind { A6(Blackhole bh, Arrivals a) { super(bh, a); } @Async @EventListener public void on(Payload p) { bh.consume(p); arrivals.arrive(); } }
    static class A7 extends AsyncKind { A7(Blackhole bh, Arrivals a) { super(bh, a); } @Async @EventListener public void on(Payload p) { bh.consume(p); arrivals.arrive(); } }
    static class A8 extends AsyncKind { A8(Blackhole bh, Arrivals a) { super(bh, a); } @Async @EventListener public void on(Payload p) { bh.consume(p); arrivals.arrive(); } }
    static class A9 extends AsyncKind { A9(Blackhole bh, Arrivals a) { super(bh, a); } @Async @EventListener public void on(Payload p) { bh.consume(p); arrivals.arrive(); } }

    // Constructors of the ten kinds, in kind order.
    private static final List<Function<Blackhole, Listener>> LISTENER_KINDS = List.of(L0::new, L1::new, L2::new, L3::new, L4::new, L5::new, L6::new, L7::new, L8::new, L9::new);

    /** A new multicaster listener of kind {@code kind % Receivers.KINDS}. */
    static Listener listener(int kind, Blackhole bh) {
        return LISTENER_KINDS.get(kind % Receivers.KINDS).apply(bh);
    }

    // Constructors of the ten kinds, in kind order.
    private static final List<Function<Blackhole, Object>> EVENT_LISTENER_KINDS = List.of(E0::new, E1::new, E2::new, E3::new, E4::new, E5::new, E6::new, E7::new, E8::new, E9::new);

    /** A new {@code @EventListener} bean of kind {@code kind % Receivers.KINDS}. */
    static Object eventListener(int kind, Blackhole bh) {
        return EVENT_LISTENER_KINDS.get(kind % Receivers.KINDS).apply(bh);
    }

    // Constructors of the ten kinds, in kind order.
    private static final List<BiFunction<Blackhole, Arrivals, Object>> ASYNC_LISTENER_KINDS = List.of(A0::new, A1::new, A2::new, A3::new, A4::new, A5::new, A6::new, A7::new, A8::new, A9::new);

    /** A new {@code @Async @EventListener} bean of kind {@code kind % Receivers.KINDS}. */
    static Object asyncListener(int kind, Blackhole bh, Arrivals arrivals) {
        return ASYNC_LISTENER_KINDS.get(kind % Receivers.KINDS).apply(bh, arrivals);
    }

    /**
     * Passes on to its listener only the events sent by one sender. Spring has no way to route an
     * event by its source object (a listener may only narrow the source's class, through
     * {@code SmartApplicationListener.supportsSourceType}), so every listener is called and
     * checks the source itself, as an {@code @EventListener(condition = "...")} would.
     */
    static final class ForSource implements Listener {
        private final Object sender;
        private final Listener listener;

        ForSource(Object sender, Listener listener) {
            this.sender = sender;
            this.listener = listener;
        }

        @Override
        public void onApplicationEvent(PayloadApplicationEvent<Payload> event) {
            if (event.getSource().equals(sender)) {
                listener.onApplicationEvent(event);
            }
        }
    }

    /** A multicaster on its own, with {@code count} listeners added, cycling through the kinds. */
    static SimpleApplicationEventMulticaster multicaster(int count, Blackhole bh) {
        SimpleApplicationEventMulticaster multicaster = new SimpleApplicationEventMulticaster();
        for (int i = 0; i < count; i++) {
            multicaster.addApplicationListener(listener(i, bh));
        }
        return multicaster;
    }

    /**
     * A started application context whose beans are {@code count} {@code @EventListener} beans,
     * cycling through the kinds. Spring finds their methods itself, as in any application.
     */
    @SuppressWarnings({"unchecked", "rawtypes"}) // each kind's own class, for the bean definition
    static AnnotationConfigApplicationContext context(int count, Blackhole bh) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        for (int i = 0; i < count; i++) {
            Object bean = eventListener(i, bh);
            context.registerBean("listener" + i, (Class) bean.getClass(), () -> bean);
        }
        context.refresh();
        return context;
    }

    /**
     * A started application context with {@code @EnableAsync}, the given executor for
     * {@code @Async} methods, and {@code count} {@code @Async @EventListener} beans.
     */
    @SuppressWarnings({"unchecked", "rawtypes"}) // each kind's own class, for the bean definition
    static AnnotationConfigApplicationContext asyncContext(int count, Blackhole bh, Arrivals arrivals,
                                                          Executor executor) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(AsyncSetup.class, () -> new AsyncSetup(executor));
        for (int i = 0; i < count; i++) {
            Object bean = asyncListener(i, bh, arrivals);
            context.registerBean("listener" + i, (Class) bean.getClass(), () -> bean);
        }
        context.refresh();
        return context;
    }

    /** Turns on {@code @Async} with the benchmark's executor. */
    @Configuration(proxyBeanMethods = false)
    @EnableAsync
    static class AsyncSetup implements AsyncConfigurer {
        private final Executor executor;

        AsyncSetup(Executor executor) {
            this.executor = executor;
        }

        @Override
        public Executor getAsyncExecutor() {
            return executor;
        }
    }

    /** Delivers through every multicaster listener kind many times before measuring. */
    static void polluteMulticaster(Blackhole bh) {
        SimpleApplicationEventMulticaster warm = multicaster(Receivers.KINDS, bh);
        Payload payload = new Payload(1, "warm-up");
        for (int i = 0; i < Receivers.WARM_CALLS; i++) {
            warm.multicastEvent(new PayloadApplicationEvent<>("warm-up", payload));
        }
    }

    /** Publishes to every {@code @EventListener} kind many times, in a context of its own, before measuring. */
    static void polluteContext(Blackhole bh) {
        try (AnnotationConfigApplicationContext warm = context(Receivers.KINDS, bh)) {
            Payload payload = new Payload(1, "warm-up");
            for (int i = 0; i < Receivers.WARM_CALLS; i++) {
                warm.publishEvent(payload);
            }
        }
    }
}
