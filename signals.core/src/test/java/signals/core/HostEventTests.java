package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.name;
import static signals.core.ConnectOption.sender;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import signals.core.spi.HostEvent;
import signals.core.spi.SendObserver;
import signals.core.spi.SignalAdapter;

/**
 * {@link SignalAdapter#event}, the one way an adapter sends (issue 22 item 3): one route look-up
 * per host event, and a receiver's failure in one shape, checked or unchecked, naming the
 * receiver and the signal (issue 12 item 9).
 */
@ResourceLock("signals.core.spi.SendObserver")
class HostEventTests {

    private final Signal<String> signal = SignalAdapter.declare("host_signal", String.class, "signals.core");
    private final List<String> seen = new ArrayList<>();

    @Test
    void checkedAndUncheckedFailuresArriveInTheSameShape() {
        for (Exception thrown : List.of(new IOException("disk full"), new IllegalStateException("refused"))) {
            try (SignalConnection failing = signal.connect((s, sender, val) -> {
                throw thrown;
            }, name("orders.refuse"))) {
                ReceiverException e = assertThrows(ReceiverException.class,
                        () -> SignalAdapter.event(signal, "orders").fire("x"));

                assertSame(thrown, e.getCause());
                assertSame(signal, e.signal());
                assertEquals("receiver 'orders.refuse' (lambda in " + getClass().getName() + ") of signal 'host_signal'"
                        + " threw " + thrown, e.getMessage());
            }
        }
    }

    @Test
    void receiversRunInOrderForTheirSenderAndStagesAreAwaited() {
        signal.connect((s, sender, val) -> seen.add("any " + val));
        signal.connect((s, sender, val) -> seen.add("other " + val), sender("other"));
        signal.connectResponder((s, sender, val) -> CompletableFuture.runAsync(() -> seen.add("late " + val)),
                sender("orders"));

        SignalAdapter.event(signal, "orders").fire("x");

        assertEquals(List.of("any x", "late x"), seen);
    }

    @Test
    void errorsPassUnchanged() {
        AssertionError error = new AssertionError("bug");
        signal.connect((s, sender, val) -> {
            throw error;
        });

        assertSame(error, assertThrows(AssertionError.class, () -> SignalAdapter.event(signal, "orders").fire("x")));
    }

    @Test
    void observersMaySkipTheReceivers() {
        signal.connect((s, sender, val) -> seen.add(val));

        try (SendObserver.Installation skip = SendObserver.install((s, sender, payload) -> false)) {
            SignalAdapter.event(signal, "orders").fire("x");
        }

        assertEquals(List.of(), seen);
    }

    @Test
    void badArgumentsFailNamingThem() {
        assertEquals("signal", assertThrows(NullPointerException.class,
                () -> SignalAdapter.event(null, "orders").fire("x")).getMessage());
        assertThrows(NullPointerException.class, () -> SignalAdapter.event(signal, "orders").fire(null));
    }

    @Test
    void anEventLooksItsRouteUpOnceWhenItIsMade() {
        HostEvent<String> before = SignalAdapter.event(signal, "orders");
        try (SignalConnection late = signal.connect((s, sender, val) -> seen.add(val))) {
            assertFalse(before.isHeard(), "the route was looked up before the receiver connected");
            before.fire("x");
            assertEquals(List.of(), seen);

            HostEvent<String> after = SignalAdapter.event(signal, "orders");
            assertTrue(after.isHeard());
            after.fire("y");
            assertEquals(List.of("y"), seen);
        }
    }

    @Test
    void anEventForAnotherSenderIsNotHeard() {
        try (SignalConnection orders = signal.connect((s, sender, val) -> seen.add(val), sender("orders"))) {
            assertTrue(SignalAdapter.event(signal, "orders").isHeard());
            assertFalse(SignalAdapter.event(signal, "invoices").isHeard());
            assertTrue(SignalAdapter.isHeard(signal), "some sender has a receiver");
        }
    }

    @Test
    void whileMutedEveryFormOfIsHeardSaysNo() {
        signal.connect((s, sender, val) -> seen.add(val), sender("orders"));
        try (Signal<String>.Mute mute = signal.mute()) {
            assertFalse(SignalAdapter.isHeard(signal));
            assertFalse(SignalAdapter.isHeard(signal, "orders"));
            assertFalse(SignalAdapter.event(signal, "orders").isHeard());
        }
        assertTrue(SignalAdapter.isHeard(signal));
        assertTrue(SignalAdapter.isHeard(signal, "orders"));
        assertTrue(SignalAdapter.event(signal, "orders").isHeard());
    }

    @Test
    void anObserverHearsAnEventThatNoReceiverDoes() {
        List<Object> observed = new ArrayList<>();
        try (SendObserver.Installation recording = SendObserver.install((s, sender, payload) -> observed.add(payload))) {
            HostEvent<String> event = SignalAdapter.event(signal, "orders");
            assertTrue(event.isHeard());
            event.fire("x");
        }
        assertEquals(List.of("x"), observed);
    }

    // Issue 23 item 18: a host that raises what failed must not also have it logged.
    @Test
    void aRobustSendFromTheHostCallsEveryReceiverAndLeavesTheFailuresToTheHost() {
        IllegalStateException refused = new IllegalStateException("refused");
        signal.connect((s, sender, val) -> {
            throw refused;
        });
        signal.connect((s, sender, val) -> seen.add("after " + val));

        List<Reply> replies;
        try (LogCapture log = LogCapture.start()) {
            replies = SignalAdapter.sendRobustFromHost(signal, "orders", "x");

            assertEquals(List.of(), log.records());
        }
        assertEquals(2, replies.size());
        assertSame(refused, replies.get(0).exception());
        assertEquals(List.of("after x"), seen);
        assertEquals("signal", assertThrows(NullPointerException.class,
                () -> SignalAdapter.sendRobustFromHost(null, "orders", "x")).getMessage());
    }

    @Test
    void theBridgeToTheSpiCannotBeOpenedASecondTime() {
        signals.core.internal.SpiBridge.Machinery open = signals.core.internal.SpiBridge.machinery();

        assertThrows(IllegalStateException.class, () -> signals.core.internal.SpiBridge.open(new SpiMachinery()));

        assertSame(open, signals.core.internal.SpiBridge.machinery(), "another caller replaced the machinery");
    }
}
