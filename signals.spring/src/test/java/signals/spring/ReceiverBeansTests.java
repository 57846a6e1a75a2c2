package signals.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import signals.core.Receiver;
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

    /** A provider that, like most, makes new receivers each time it is asked, and keeps none. */
    @Configuration(proxyBeanMethods = false)
    static class FreshReceivers {
        @Bean
        Mailbox mailbox() {
            return new Mailbox();
        }

        @Bean
        Issued issued() {
            return new Issued();
        }

        @Bean
        ReceiverProvider freshReceivers(Mailbox mailbox, Issued issued) {
            return () -> {
                Receiver<String> receiver = (signal, sender, order) -> mailbox.mail.add("pack " + order);
                issued.receivers.add(new WeakReference<>(receiver));
                return List.of(SignalBinding.receiver(ORDER_PLACED, receiver));
            };
        }
    }

    /** The receivers a provider made, held weakly, as nothing of the application holds them. */
    static final class Issued {
        final List<WeakReference<Receiver<String>>> receivers = new ArrayList<>();
    }

    @Test
    void aStoppedContextHoldsNoneOfItsReceiversAndARestartConnectsTheProvidersAnew() {
        contexts.withUserConfiguration(FreshReceivers.class).run(context -> {
            Mailbox mailbox = context.getBean(Mailbox.class);
            Issued issued = context.getBean(Issued.class);
            ORDER_PLACED.send("shop", "1");

            context.stop();
            ORDER_PLACED.send("shop", "2");
            assertTrue(collected(issued.receivers.get(0)), "a stopped context still holds its receiver");

            context.start();
            ORDER_PLACED.send("shop", "3");
            assertEquals(2, issued.receivers.size(), "a restart asks the provider again");
            assertEquals(List.of("pack 1", "pack 3"), mailbox.mail);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class ProviderThenFailingProvider {
        static final Mailbox MAILBOX = new Mailbox();

        @Bean
        ReceiverProvider earlierReceivers() {
            return () -> List.of(SignalBinding.receiver(ORDER_PLACED, (signal, sender, order) -> MAILBOX.mail.add("pack " + order)));
        }

        @Bean
        ReceiverProvider laterReceivers() {
            return () -> {
                throw new IllegalStateException("no mail server");
            };
        }
    }

    @Test
    void aLaterProviderBeanThatFailsLeavesNoneOfTheEarlierProvidersReceiversConnected() {
        contexts.withUserConfiguration(ProviderThenFailingProvider.class).run(context -> {
            IllegalStateException named = find(context.getStartupFailure(), IllegalStateException.class);
            assertTrue(named.getMessage().contains("'laterReceivers'"), named.getMessage());
        });
        ORDER_PLACED.send("shop", "10");
        assertEquals(List.of(), ProviderThenFailingProvider.MAILBOX.mail, "a failed context left a receiver connected");
    }

    /** Runs the garbage collector until the referent is gone, for at most ten seconds. */
    private static boolean collected(WeakReference<?> reference) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reference.get() != null) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            System.gc();
            Thread.sleep(10);
        }
        return true;
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
