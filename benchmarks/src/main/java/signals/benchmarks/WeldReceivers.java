package signals.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.configurator.ObserverMethodConfigurator.EventConsumer;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Jakarta CDI observers for Weld SE, found by Weld's own discovery: this module's jar has a
 * {@code META-INF/beans.xml}, and the ten bean classes {@code W0}..{@code W9} are
 * {@link ApplicationScoped}, a bean-defining annotation.
 *
 * <p>CDI declares observers per bean class, not per object, so the hundred receivers of the
 * largest send are a hundred observer methods: ten per class. Which of them an event reaches is
 * chosen the CDI way, by qualifiers: an observer is notified when its qualifiers are among the
 * event's. Method {@code on0} of {@code W0} observes {@link First}, {@code on0} of the nine other
 * classes {@link FirstTen}, every other method {@link FirstHundred}. So an event fired with
 * {@code @First} reaches one observer, with {@code @First @FirstTen} ten, with all three a
 * hundred, and with {@link Nobody} none. Each class also has one {@link ObservesAsync} method,
 * qualified the same way as its {@code on0}.
 */
final class WeldReceivers {

    private WeldReceivers() {
    }

    /** Qualifies the event and observer of a send to one receiver. */
    @Qualifier @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.PARAMETER, ElementType.FIELD})
    @interface First {
        /** The literal. */
        @SuppressWarnings("serial") // never serialized
        final class Literal extends AnnotationLiteral<First> implements First {
        }
    }

    /** Qualifies the nine more observers of a send to ten receivers. */
    @Qualifier @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.PARAMETER, ElementType.FIELD})
    @interface FirstTen {
        /** The literal. */
        @SuppressWarnings("serial") // never serialized
        final class Literal extends AnnotationLiteral<FirstTen> implements FirstTen {
        }
    }

    /** Qualifies the ninety more observers of a send to a hundred receivers. */
    @Qualifier @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.PARAMETER, ElementType.FIELD})
    @interface FirstHundred {
        /** The literal. */
        @SuppressWarnings("serial") // never serialized
        final class Literal extends AnnotationLiteral<FirstHundred> implements FirstHundred {
        }
    }

    /** Qualifies a send that no observer takes. */
    @Qualifier @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.PARAMETER, ElementType.FIELD})
    @interface Nobody {
        /** The literal. */
        @SuppressWarnings("serial") // never serialized
        final class Literal extends AnnotationLiteral<Nobody> implements Nobody {
        }
    }

    /** Qualifies an event and its observers by sender, for the sender-filtered benchmark. */
    @Qualifier @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.PARAMETER, ElementType.FIELD})
    @interface Sender {
        /** {@return who sends} */
        String value();

        /** The literal for one sender. */
        @SuppressWarnings("serial") // never serialized
        final class Literal extends AnnotationLiteral<Sender> implements Sender {
            private final String value;

            Literal(String value) {
                this.value = value;
            }

            @Override
            public String value() {
                return value;
            }
        }
    }

    /** The qualifiers of an event that reaches {@code receivers} observers: 0, 1, 10 or 100. */
    static Annotation[] qualifiers(int receivers) {
        return switch (receivers) {
            case 0 -> new Annotation[] {new Nobody.Literal()};
            case 1 -> new Annotation[] {new First.Literal()};
            case 10 -> new Annotation[] {new First.Literal(), new FirstTen.Literal()};
            case 100 -> new Annotation[] {new First.Literal(), new FirstTen.Literal(), new FirstHundred.Literal()};
            default -> throw new IllegalArgumentException("receivers is 0, 1, 10 or 100 for CDI, not " + receivers);
        };
    }

    /**
     * What the bean classes share: where they put the payload and report that they ran. Set
     * through the client proxy once the container is up, since the container creates the beans.
     */
    abstract static class Kind {
        Blackhole bh;
        Arrivals arrivals;

        void use(Blackhole bh, Arrivals arrivals) {
            this.bh = bh;
            this.arrivals = arrivals;
        }
    }

    // Ten classes, ten observer methods each, on purpose: Weld's reflective call sees a hundred
    // targets, as in an application with many observers.
    @ApplicationScoped
    static class W0 extends Kind {
        void on0(@Observes @First Payload p) { bh.consume(p); }
        void on1(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on2(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on3(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on4(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on5(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on6(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on7(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on8(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on9(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void onAsync(@ObservesAsync @First Payload p) { bh.consume(p); arrivals.arrive(); }
    }

    @ApplicationScoped
    static class W1 extends Kind {
        void on0(@Observes @FirstTen Payload p) { bh.consume(p); }
        void on1(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on2(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on3(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on4(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on5(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on6(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on7(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on8(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on9(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void onAsync(@ObservesAsync @FirstTen Payload p) { bh.consume(p); arrivals.arrive(); }
    }

    @ApplicationScoped
    static class W2 extends Kind {
        void on0(@Observes @FirstTen Payload p) { bh.consume(p); }
        void on1(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on2(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on3(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on4(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on5(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on6(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on7(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on8(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on9(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void onAsync(@ObservesAsync @FirstTen Payload p) { bh.consume(p); arrivals.arrive(); }
    }

    @ApplicationScoped
    static class W3 extends Kind {
        void on0(@Observes @FirstTen Payload p) { bh.consume(p); }
        void on1(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on2(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on3(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on4(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on5(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on6(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on7(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on8(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on9(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void onAsync(@ObservesAsync @FirstTen Payload p) { bh.consume(p); arrivals.arrive(); }
    }

    @ApplicationScoped
    static class W4 extends Kind {
        void on0(@Observes @FirstTen Payload p) { bh.consume(p); }
        void on1(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on2(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on3(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on4(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on5(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on6(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on7(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on8(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on9(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void onAsync(@ObservesAsync @FirstTen Payload p) { bh.consume(p); arrivals.arrive(); }
    }

    @ApplicationScoped
    static class W5 extends Kind {
        void on0(@Observes @FirstTen Payload p) { bh.consume(p); }
        void on1(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on2(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on3(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on4(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on5(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on6(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on7(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on8(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on9(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void onAsync(@ObservesAsync @FirstTen Payload p) { bh.consume(p); arrivals.arrive(); }
    }

    @ApplicationScoped
    static class W6 extends Kind {
        void on0(@Observes @FirstTen Payload p) { bh.consume(p); }
        void on1(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on2(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on3(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on4(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on5(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on6(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on7(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on8(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on9(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void onAsync(@ObservesAsync @FirstTen Payload p) { bh.consume(p); arrivals.arrive(); }
    }

    @ApplicationScoped
    static class W7 extends Kind {
        void on0(@Observes @FirstTen Payload p) { bh.consume(p); }
        void on1(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on2(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on3(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on4(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on5(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on6(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on7(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on8(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on9(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void onAsync(@ObservesAsync @FirstTen Payload p) { bh.consume(p); arrivals.arrive(); }
    }

    @ApplicationScoped
    static class W8 extends Kind {
        void on0(@Observes @FirstTen Payload p) { bh.consume(p); }
        void on1(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on2(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on3(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on4(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on5(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on6(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on7(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on8(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on9(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void onAsync(@ObservesAsync @FirstTen Payload p) { bh.consume(p); arrivals.arrive(); }
    }

    @ApplicationScoped
    static class W9 extends Kind {
        void on0(@Observes @FirstTen Payload p) { bh.consume(p); }
        void on1(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on2(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on3(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on4(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on5(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on6(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on7(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on8(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void on9(@Observes @FirstHundred Payload p) { bh.consume(p); }
        void onAsync(@ObservesAsync @FirstTen Payload p) { bh.consume(p); arrivals.arrive(); }
    }

    /** The bean classes, in kind order. */
    static final List<Class<? extends Kind>> KINDS = List.of(
            W0.class, W1.class, W2.class, W3.class, W4.class, W5.class, W6.class, W7.class, W8.class, W9.class);

    /**
     * Starts Weld SE with its own discovery of this jar's bean archive, plus the given
     * extensions, and hands every bean its blackhole and arrivals.
     */
    static WeldContainer start(Blackhole bh, Arrivals arrivals, Extension... extensions) {
        WeldContainer container = new Weld().addExtensions(extensions).initialize();
        for (Class<? extends Kind> kind : KINDS) {
            container.select(kind).get().use(bh, arrivals);
        }
        return container;
    }

    /** The event that reaches {@code receivers} observers, as an injected {@code @Inject @First Event<Payload>} would be. */
    static Event<Payload> event(WeldContainer container, int receivers) {
        return container.event().select(Payload.class, qualifiers(receivers));
    }

    /** Fires to ten observers of the ten classes many times before measuring. */
    static void pollute(WeldContainer container) {
        Event<Payload> warm = event(container, 10);
        Payload payload = new Payload(1, "warm-up");
        for (int i = 0; i < Receivers.WARM_CALLS; i++) {
            warm.fire(payload);
        }
    }

    /**
     * Adds one synthetic observer per sender, qualified {@code @Sender("<sender>")}: CDI's way to
     * declare observers that are not written as methods, ten thousand here.
     */
    static final class SenderObservers implements Extension {
        private final List<String> senders;
        private final Blackhole bh;

        SenderObservers(List<String> senders, Blackhole bh) {
            this.senders = senders;
            this.bh = bh;
        }

        void addObservers(@Observes AfterBeanDiscovery discovery) {
            for (int i = 0; i < senders.size(); i++) {
                discovery.<Payload>addObserverMethod()
                        .observedType(Payload.class)
                        .addQualifier(new Sender.Literal(senders.get(i)))
                        .notifyWith(consumer(i));
            }
        }

        // Ten lambda classes, as for the other contenders' receivers.
        private EventConsumer<Payload> consumer(int kind) {
            return switch (kind % Receivers.KINDS) {
                case 0 -> context -> bh.consume(context.getEvent());
                case 1 -> context -> bh.consume(context.getEvent());
                case 2 -> context -> bh.consume(context.getEvent());
                case 3 -> context -> bh.consume(context.getEvent());
                case 4 -> context -> bh.consume(context.getEvent());
                case 5 -> context -> bh.consume(context.getEvent());
                case 6 -> context -> bh.consume(context.getEvent());
                case 7 -> context -> bh.consume(context.getEvent());
                case 8 -> context -> bh.consume(context.getEvent());
                case 9 -> context -> bh.consume(context.getEvent());
                default -> throw new AssertionError(kind);
            };
        }
    }
}
