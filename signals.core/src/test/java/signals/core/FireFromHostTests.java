package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static signals.core.ConnectOption.name;
import static signals.core.ConnectOption.sender;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import signals.core.spi.SendObserver;
import signals.core.spi.SignalAdapter;

/**
 * Issue 12 item 9: an adapter's host reports a receiver's failure in one shape, checked or
 * unchecked, naming the receiver and the signal ({@link SignalAdapter#fireFromHost}).
 */
class FireFromHostTests {

    private final Signal<String> signal = SignalAdapter.declare("host_signal", String.class, "signals.core");
    private final List<String> seen = new ArrayList<>();

    @Test
    void checkedAndUncheckedFailuresArriveInTheSameShape() {
        for (Exception thrown : List.of(new IOException("disk full"), new IllegalStateException("refused"))) {
            try (SignalConnection failing = signal.connect((s, sender, val) -> {
                throw thrown;
            }, name("orders.refuse"))) {
                ReceiverException e = assertThrows(ReceiverException.class,
                        () -> SignalAdapter.fireFromHost(signal, "orders", "x"));

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

        SignalAdapter.fireFromHost(signal, "orders", "x");

        assertEquals(List.of("any x", "late x"), seen);
    }

    @Test
    void errorsPassUnchanged() {
        AssertionError error = new AssertionError("bug");
        signal.connect((s, sender, val) -> {
            throw error;
        });

        assertSame(error, assertThrows(AssertionError.class, () -> SignalAdapter.fireFromHost(signal, "orders", "x")));
    }

    @Test
    void observersMaySkipTheReceivers() {
        signal.connect((s, sender, val) -> seen.add(val));

        try (SendObserver.Installation skip = SendObserver.install((s, sender, payload) -> false)) {
            SignalAdapter.fireFromHost(signal, "orders", "x");
        }

        assertEquals(List.of(), seen);
    }

    @Test
    void badArgumentsFailNamingThem() {
        assertEquals("signal", assertThrows(NullPointerException.class,
                () -> SignalAdapter.fireFromHost(null, "orders", "x")).getMessage());
        assertThrows(NullPointerException.class, () -> SignalAdapter.fireFromHost(signal, "orders", null));
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
