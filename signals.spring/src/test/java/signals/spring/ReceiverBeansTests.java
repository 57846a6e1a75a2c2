package signals.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import signals.core.ReceiverProvider;
import signals.core.Signal;
import signals.core.SignalBinding;

class ReceiverBeansTests {

    static final Signal<String> ORDER_PLACED = Signal.of("order_placed", String.class);

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SignalsAutoConfiguration.class));

    /** A bean that receivers use, as an application's mailer or repository. */
    static final class Mailbox {
        final List<String> mail = new ArrayList<>();
    }

    @Configuration(proxyBeanMethods = false)
    static class BindingBean {
        @Bean
        Mailbox mailbox() {
            return new Mailbox();
        }

        @Bean
        SignalBinding<String> confirm(Mailbox mailbox) {
            return SignalBinding.receiver(ORDER_PLACED, (signal, sender, order) -> mailbox.mail.add("confirm " + order));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ProviderBean {
        @Bean
        Mailbox mailbox() {
            return new Mailbox();
        }

        @Bean
        ReceiverProvider shopReceivers(Mailbox mailbox) {
            return () -> List.of(
                    SignalBinding.receiver(ORDER_PLACED, (signal, sender, order) -> mailbox.mail.add("pack " + order)),
                    SignalBinding.receiver(ORDER_PLACED, (signal, sender, order) -> mailbox.mail.add("bill " + order)));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NullProvider {
        @Bean
        ReceiverProvider brokenReceivers() {
            return () -> null;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NullBindingProvider {
        @Bean
        ReceiverProvider holeyReceivers() {
            return () -> Arrays.asList(SignalBinding.receiver(ORDER_PLACED, (signal, sender, order) -> { }), null);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FailingProvider {
        @Bean
        ReceiverProvider failingReceivers() {
            return () -> {
                throw new IllegalArgumentException("no mail server");
            };
        }
    }

    @Test
    void aBindingBeanIsConnectedWhileTheContextRunsAndDisconnectedWhenItCloses() {
        Mailbox[] kept = new Mailbox[1];
        ReceiverBeans[] lifecycle = new ReceiverBeans[1];
        contexts.withUserConfiguration(BindingBean.class).run(context -> {
            kept[0] = context.getBean(Mailbox.class);
            lifecycle[0] = context.getBean(ReceiverBeans.class);
            assertTrue(lifecycle[0].isRunning());
            ORDER_PLACED.send("shop", "42");
            assertEquals(List.of("confirm 42"), kept[0].mail);
        });
        assertFalse(lifecycle[0].isRunning());
        ORDER_PLACED.send("shop", "43");
        assertEquals(List.of("confirm 42"), kept[0].mail, "a closed context's receiver still ran");
    }

    @Test
    void theBindingsOfAProviderBeanAreConnectedInTheirOrderAndDisconnectedWhenTheContextCloses() {
        Mailbox[] kept = new Mailbox[1];
        contexts.withUserConfiguration(ProviderBean.class).run(context -> {
            kept[0] = context.getBean(Mailbox.class);
            ORDER_PLACED.send("shop", "7");
            assertEquals(List.of("pack 7", "bill 7"), kept[0].mail);
        });
        ORDER_PLACED.send("shop", "8");
        assertEquals(List.of("pack 7", "bill 7"), kept[0].mail);
    }

    @Test
    void theReceiversAreConnectedInALifecyclePhaseBeforeTheWebServers() {
        contexts.run(context -> assertEquals(SmartLifecycle.DEFAULT_PHASE - 4096,
                context.getBean(ReceiverBeans.class).getPhase(), "must start before Boot's web server and stop after it"));
    }

    @Test
    void aProviderBeanThatReturnsNullStopsTheContextNamingTheBean() {
        contexts.withUserConfiguration(NullProvider.class).run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure);
            String message = rootOf(failure).getMessage();
            assertTrue(message.contains("'brokenReceivers'") && message.contains("returned null"), message);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class BindingToAKnownMailbox {
        static final Mailbox MAILBOX = new Mailbox();

        @Bean
        SignalBinding<String> confirm() {
            return SignalBinding.receiver(ORDER_PLACED, (signal, sender, order) -> MAILBOX.mail.add("confirm " + order));
        }
    }

    @Test
    void aProviderBeanThatDeclaresANullBindingStopsTheContextNamingTheBean() {
        contexts.withUserConfiguration(NullBindingProvider.class).run(context -> {
            String message = rootOf(context.getStartupFailure()).getMessage();
            assertTrue(message.contains("'holeyReceivers'") && message.contains("a null binding"), message);
        });
    }

    @Test
    void aProviderBeanThatThrowsStopsTheContextAndLeavesNothingConnected() {
        contexts.withUserConfiguration(BindingToAKnownMailbox.class, FailingProvider.class).run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure);
            IllegalStateException named = find(failure, IllegalStateException.class);
            assertTrue(named.getMessage().contains("'failingReceivers'"), named.getMessage());
            assertInstanceOf(IllegalArgumentException.class, named.getCause());
        });
        ORDER_PLACED.send("shop", "9");
        assertEquals(List.of(), BindingToAKnownMailbox.MAILBOX.mail);
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure, failure);
    }
}
