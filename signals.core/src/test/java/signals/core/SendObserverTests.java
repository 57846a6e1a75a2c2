package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import signals.core.spi.SendObserver;

/** {@link SendObserver}: sees every send first, may skip its receivers, and goes when closed. */
@ResourceLock("signals.core.spi.SendObserver")
class SendObserverTests {

    private final Signal<String> saved = Signal.of("saved", String.class);
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Test
    void anObserverSeesEveryFormOfSendWithItsSignalSenderAndPayload() throws Exception {
        List<Object> seen = new ArrayList<>();
        saved.connect((s, sender, text) -> calls.add(text));
        try (SendObserver.Installation installed = SendObserver.install((signal, sender, payload) -> {
            if (signal == saved) {
                seen.add(sender + ":" + payload);
            }
            return true;
        })) {
            saved.fire("a", "fire");
            saved.send("b", "send");
            saved.sendRobust("c", "robust");
            saved.sendAsync("d", "async").get();
            saved.sendRobustAsync("e", "robustAsync").get();
        }

        assertEquals(List.of("a:fire", "b:send", "c:robust", "d:async", "e:robustAsync"), seen);
        assertEquals(List.of("fire", "send", "robust", "async", "robustAsync"), calls, "the receivers ran too");
    }

    @Test
    void anObserverSeesASendThatAReceiverAbortsAndASendThatNobodyHears() {
        Signal<String> unheard = Signal.of("unheard", String.class);
        List<String> seen = new ArrayList<>();
        saved.connect((s, sender, text) -> {
            throw new IllegalStateException("boom");
        });
        try (SendObserver.Installation installed = SendObserver.install((signal, sender, payload) -> {
            seen.add(signal.name());
            return true;
        })) {
            assertThrows(IllegalStateException.class, () -> saved.fire(null, "x"));
            unheard.fire(null, "y");
        }

        assertEquals(List.of("saved", "unheard"), seen.stream().filter(n -> n.equals("saved") || n.equals("unheard")).toList());
    }

    @Test
    void anObserverThatSaysNoSkipsEveryReceiverOfThatSendOnly() throws Exception {
        saved.connect((s, sender, text) -> calls.add(text));
        saved.connectResponder((s, sender, text) -> text.length());
        try (SendObserver.Installation installed = SendObserver.install(
                (signal, sender, payload) -> !(signal == saved && "quiet".equals(sender)))) {
            saved.fire("quiet", "fire");
            assertEquals(List.of(), saved.send("quiet", "send"));
            assertEquals(List.of(), saved.sendRobust("quiet", "robust"));
            assertEquals(List.of(), saved.sendAsync("quiet", "async").get());
            assertEquals(2, saved.send("loud", "heard").size());
        }

        assertEquals(List.of("heard"), calls);
    }

    @Test
    void everyObserverIsAskedInInstallationOrderAndOneNoSkipsTheReceivers() {
        List<String> asked = new ArrayList<>();
        saved.connect((s, sender, text) -> calls.add(text));
        try (SendObserver.Installation first = SendObserver.install((signal, sender, payload) -> {
                 asked.add("first");
                 return signal != saved;
             });
             SendObserver.Installation second = SendObserver.install((signal, sender, payload) -> {
                 asked.add("second");
                 return true;
             })) {
            saved.fire(null, "x");
        }

        assertEquals(List.of("first", "second"), asked, "a recorder after a muting observer still hears the send");
        assertEquals(List.of(), calls);
    }

    @Test
    void aClosedObserverIsNoLongerCalledAndClosingTwiceIsHarmless() {
        List<String> seen = new ArrayList<>();
        SendObserver observer = (signal, sender, payload) -> seen.add((String) payload);
        SendObserver.Installation first = SendObserver.install(observer);
        SendObserver.Installation second = SendObserver.install(observer);
        saved.fire(null, "both");

        first.close();
        first.close();
        saved.fire(null, "one");
        second.close();
        saved.fire(null, "none");

        assertEquals(List.of("both", "both", "one"), seen);
    }

    @Test
    void anExceptionFromAnObserverReachesTheSenderBeforeAnyReceiverRuns() {
        IllegalStateException thrown = new IllegalStateException("observer failed");
        saved.connect((s, sender, text) -> calls.add(text));
        try (SendObserver.Installation installed = SendObserver.install((signal, sender, payload) -> {
            throw thrown;
        })) {
            assertSame(thrown, assertThrows(IllegalStateException.class, () -> saved.send(null, "x")));
        }
        assertEquals(List.of(), calls);
    }

    @Test
    void installingNullIsRefusedByName() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> SendObserver.install(null));
        assertEquals("observer", e.getMessage());
    }
}
