package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.sender;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Signal#connectWeak}: Django's default weak connections, tied to an owner object that the
 * signal never keeps alive. Owners are created in helper methods, so that no test frame holds
 * them once the helper has returned.
 */
class WeakConnectionTests {

    private final Signal<String> signal = Signal.of("weak_signal", String.class);

    @Test
    void connectionIsDroppedOnceTheOwnerIsCollected() throws InterruptedException {
        WeakReference<View> owner = connectShortLivedView(signal);
        assertFalse(signal.receivers().isEmpty());

        assertTrue(Gc.until(() -> owner.get() == null && signal.links().length == 0),
                "the owner was not collected, or its connection not removed");
        DispatcherTests.assertClean(signal);
        assertEquals(List.of(), signal.send("seven", "x"));
    }

    @Test
    void connectionDoesNotKeepTheOwnerAlive() throws InterruptedException {
        WeakReference<View> owner = connectShortLivedView(signal);

        assertTrue(Gc.until(() -> owner.get() == null), "the signal kept the owner alive");
    }

    @Test
    void collectedOwnerIsNoLongerListedOrListening() throws InterruptedException {
        SignalConnection[] connection = new SignalConnection[1];
        WeakReference<View> owner = connectShortLivedView(signal, connection);
        assertTrue(connection[0].isConnected());

        // Checked as soon as the reference is cleared, before the sweep may have run: a dead
        // connection must not be counted in the meantime.
        for (int i = 0; i < 100 && owner.get() != null; i++) {
            System.gc();
        }
        assertNull(owner.get(), "the owner was not collected");
        assertTrue(signal.receivers().isEmpty());
        assertFalse(signal.hasListeners(null));
        assertFalse(connection[0].isConnected());
        assertEquals(List.of(), signal.sendRobust("seven", "x"));
    }

    @Test
    void strongConnectionOfALambdaSurvivesGarbageCollection() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        WeakReference<Receiver<String>> receiver = connectCapturingLambda(signal, calls);

        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(10);
        }

        assertNotNull(receiver.get(), "the signal let its strongly connected receiver be collected");
        signal.fire("seven", "x");
        assertEquals(1, calls.get());
        assertEquals(1, signal.receivers().size());
    }

    @Test
    void receiverIsHandedItsOwner() {
        View view = new View();
        signal.connectWeak(view, View::refresh);

        signal.fire("seven", "x");

        assertEquals(List.of("x"), view.seen);
    }

    @Test
    void connectingTheSameOwnerAndReceiverTwiceConnectsOnce() {
        View view = new View();
        WeakReceiver<View, String> refresh = View::refresh;
        SignalConnection first = signal.connectWeak(view, refresh);

        SignalConnection again = signal.connectWeak(view, refresh);
        assertSame(refresh, again.receiver());
        again.close();
        assertTrue(first.isConnected(), "closing the duplicate leaves the first connection alone");
        assertEquals(1, signal.receivers().size());
        signal.fire("seven", "x");
        assertEquals(List.of("x"), view.seen);
    }

    @Test
    void sameReceiverForTwoOwnersIsTwoConnections() {
        View one = new View();
        View two = new View();
        WeakReceiver<View, String> refresh = View::refresh;
        signal.connectWeak(one, refresh);
        signal.connectWeak(two, refresh);

        signal.fire("seven", "x");

        assertEquals(2, signal.receivers().size());
        assertEquals(List.of("x"), one.seen);
        assertEquals(List.of("x"), two.seen);
    }

    @Test
    void disconnectWeakNeedsTheOwnerAndTheSender() {
        View view = new View();
        WeakReceiver<View, String> refresh = View::refresh;
        signal.connectWeak(view, refresh, sender("seven"));

        assertFalse(signal.disconnectWeak(new View(), refresh, sender("seven")));
        assertFalse(signal.disconnectWeak(view, refresh));
        assertTrue(signal.disconnectWeak(view, refresh, sender("seven")));
        assertFalse(signal.disconnectWeak(view, refresh, sender("seven")));

        signal.fire("seven", "x");
        assertEquals(List.of(), view.seen);
        DispatcherTests.assertClean(signal);
    }

    @Test
    void weakConnectionForOneSenderIgnoresOthers() {
        View view = new View();
        signal.connectWeak(view, View::refresh, sender("seven"));

        signal.fire("eight", "ignored");
        signal.fire("seven", "x");

        assertEquals(List.of("x"), view.seen);
    }

    @Test
    void disconnectedWeakConnectionLetsTheOwnerGoWithoutTrouble() throws InterruptedException {
        SignalConnection[] connection = new SignalConnection[1];
        WeakReference<View> owner = connectShortLivedView(signal, connection);
        assertTrue(connection[0].disconnect());
        signal.connect((signal, sender, val) -> { });

        assertTrue(Gc.until(() -> owner.get() == null), "the owner was not collected");
        // Nothing else was swept away with the owner.
        assertEquals(1, signal.links().length);
        assertFalse(connection[0].isConnected());
    }

    @Test
    void weakReceiverRepliesWithNull() {
        View view = new View();
        signal.connectWeak(view, View::refresh);

        List<Reply> replies = signal.send("seven", "x");

        assertEquals(1, replies.size());
        assertNull(replies.get(0).value());
        assertFalse(replies.get(0).failed());
    }

    // Django: test_send (a weakly connected bound method's return value is in send()'s list)
    @Test
    void weakResponderRepliesWithItsAnswer() {
        View view = new View();
        signal.connectWeakResponder(view, View::answer);

        List<Reply> replies = signal.send("seven", "x");

        assertEquals(1, replies.size());
        assertEquals("answered x", replies.get(0).value());
        assertEquals(List.of("x"), view.seen);
    }

    @Test
    void weakResponderAnsweringWithAStageIsAwaitedByTheAsynchronousSend() {
        View view = new View();
        signal.connectWeakResponder(view, (owner, s, sender, val) -> CompletableFuture.supplyAsync(() -> owner.answer(s, sender, val)));

        List<Reply> replies = signal.sendAsync("seven", "x").join();

        assertEquals("answered x", replies.get(0).value());
    }

    @Test
    void weakResponderIsDroppedOnceItsOwnerIsCollected() throws InterruptedException {
        WeakReference<View> owner = connectShortLivedResponder(signal);

        assertTrue(Gc.until(() -> owner.get() == null && signal.links().length == 0),
                "the owner was not collected, or its connection not removed");
        assertEquals(List.of(), signal.send("seven", "x"));
    }

    // ------------------------------------------------------------------------------ helpers

    private static WeakReference<View> connectShortLivedView(Signal<String> signal) {
        return connectShortLivedView(signal, new SignalConnection[1]);
    }

    private static WeakReference<View> connectShortLivedView(Signal<String> signal, SignalConnection[] connection) {
        View view = new View();
        connection[0] = signal.connectWeak(view, View::refresh);
        signal.fire("seven", "x");
        assertEquals(List.of("x"), view.seen);
        return new WeakReference<>(view);
    }

    private static WeakReference<View> connectShortLivedResponder(Signal<String> signal) {
        View view = new View();
        signal.connectWeakResponder(view, View::answer);
        assertEquals("answered x", signal.send("seven", "x").get(0).value());
        return new WeakReference<>(view);
    }

    private static WeakReference<Receiver<String>> connectCapturingLambda(Signal<String> signal, AtomicInteger calls) {
        Receiver<String> receiver = (s, sender, val) -> calls.incrementAndGet();
        signal.connect(receiver);
        return new WeakReference<>(receiver);
    }

    // ----------------------------------------------------------------------------- fixtures

    /** An owner whose receiver method records what it saw. */
    static final class View {
        final List<String> seen = new ArrayList<>();

        void refresh(Signal<?> signal, Object sender, String val) {
            seen.add(val);
        }

        String answer(Signal<?> signal, Object sender, String val) {
            seen.add(val);
            return "answered " + val;
        }
    }

    @Test
    void aDisconnectedWeakReceiverIsNotKeptByItsLivingOwnerOrSender() throws InterruptedException {
        Object owner = new Object();
        Object sender = new Object();
        WeakReference<Object> receiver = connectAndDisconnect(owner, sender);

        assertTrue(Gc.until(() -> receiver.get() == null),
                "the disconnected receiver is still reachable while its owner and sender live");
        assertNotNull(owner);
        assertNotNull(sender);
    }

    /** In its own frame, so that only the signal could still hold the receiver. */
    private WeakReference<Object> connectAndDisconnect(Object owner, Object sender) {
        WeakReceiver<Object, String> receiver = new WeakReceiver<>() {
            @Override
            public void receive(Object o, Signal<?> s, Object from, String value) {
            }
        };
        assertTrue(signal.connectWeak(owner, receiver, sender(sender)).isConnected());
        assertTrue(signal.disconnectWeak(owner, receiver, sender(sender)));
        return new WeakReference<>(receiver);
    }
}
