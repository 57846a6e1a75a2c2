package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.dispatchUid;
import static signals.core.ConnectOption.sender;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A weak connection whose owner was collected, in the window before the cleaner removes it:
 * Django purges such receivers before anything else looks at them, so they never count. Every
 * test holds the sweep back ({@link Sweeper#holdBack()}), so the window is open every time.
 */
class DeadConnectionTests {

    @RegisterExtension
    final HeldSweeps sweeps = new HeldSweeps();

    private final Signal<String> signal = Signal.of("dead_connection", String.class);
    private final List<String> seen = new ArrayList<>();

    // Django: test_disconnection (a dead receiver's uid is free again)
    @Test
    void weakReconnectUnderTheUidOfADeadConnectionLands() throws InterruptedException {
        killWeakConnection(signal, dispatchUid("view"));
        assertEquals(1, signal.links().length, "the sweep was not held back");

        SignalConnection again = signal.connectWeak(this, (owner, s, sender, val) -> owner.seen.add(val),
                dispatchUid("view"));

        assertTrue(again.isConnected(), "the reconnect was taken for a duplicate of the dead connection");
        signal.fire("seven", "x");
        assertEquals(List.of("x"), seen);
    }

    @Test
    void strongConnectUnderTheUidOfADeadConnectionLands() throws InterruptedException {
        killWeakConnection(signal, dispatchUid("view"), sender("seven"));

        SignalConnection again = signal.connect((s, sender, val) -> seen.add(val), dispatchUid("view"), sender("seven"));

        assertTrue(again.isConnected());
        assertEquals(List.of("x"), sendAndCollect());
    }

    @Test
    void bindingUnderTheUidOfADeadConnectionLands() throws InterruptedException {
        killWeakConnection(signal, dispatchUid("view"));

        List<SignalConnection> again = SignalBinding.receiver(signal, (s, sender, val) -> seen.add(val),
                dispatchUid("view")).connect();

        assertTrue(again.get(0).isConnected());
        assertEquals(List.of("x"), sendAndCollect());
    }

    // Django: test_disconnect_retval (False when nothing live was removed)
    @Test
    void disconnectOfANeverConnectedReceiverIsFalseWhileADeadOneAwaitsItsSweep() throws InterruptedException {
        killWeakConnection(signal);

        assertFalse(signal.disconnect((Receiver<String>) (s, sender, val) -> { }));
        assertFalse(signal.disconnectUid("never-used"));
        assertFalse(signal.disconnectUid("never-used", sender("seven")));
    }

    @Test
    void disconnectOfTheDeadConnectionItselfIsFalse() throws InterruptedException {
        SignalConnection dead = killWeakConnection(signal, dispatchUid("view"));

        assertFalse(dead.disconnect());
        assertFalse(signal.disconnectUid("view"));
        assertEquals(0, signal.links().length, "the dead connection was not swept in passing");
    }

    @Test
    void disconnectOfALiveReceiverIsTrueBesideADeadOne() throws InterruptedException {
        killWeakConnection(signal);
        Receiver<String> live = (s, sender, val) -> { };
        signal.connect(live);

        assertTrue(signal.disconnect(live));
        assertFalse(signal.disconnect(live));
    }

    @Test
    void theHeldSweepsRunOnceReleased() throws Exception {
        killWeakConnection(signal);
        assertEquals(1, signal.links().length);

        // The owner is gone, but the cleaner's thread may not have handed the sweep over yet:
        // release until it has (a sweep that arrives after a release is held again).
        assertTrue(Gc.until(() -> {
            releaseHeldSweeps();
            return signal.links().length == 0;
        }), "the held sweep never ran");
    }

    @Test
    void aConnectionForACollectedSenderIsNeitherListedNorHeard() throws InterruptedException {
        WeakReference<Object> sender = connectForShortLivedSender(signal);
        assertTrue(Gc.until(() -> sender.get() == null), "the sender was not collected");

        assertEquals(1, signal.links().length, "the sweep was not held back");
        assertEquals(List.of(), signal.receivers());
        assertFalse(signal.hasListeners(null));
    }

    // ------------------------------------------------------------------------------ helpers

    private void releaseHeldSweeps() {
        try {
            sweeps.releaseAndHoldAgain();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<String> sendAndCollect() {
        signal.fire("seven", "x");
        return seen;
    }

    /** Connects a weak receiver, collects its owner and checks that the connection awaits its sweep. */
    private static SignalConnection killWeakConnection(Signal<String> signal, ConnectOption... options)
            throws InterruptedException {
        SignalConnection[] connection = new SignalConnection[1];
        WeakReference<Object> owner = connectShortLivedOwner(signal, connection, options);
        assertTrue(Gc.until(() -> owner.get() == null), "the owner was not collected");
        assertNull(owner.get());
        assertFalse(connection[0].isConnected());
        return connection[0];
    }

    private static WeakReference<Object> connectShortLivedOwner(Signal<String> signal, SignalConnection[] connection,
                                                                ConnectOption... options) {
        Object owner = new Object();
        connection[0] = signal.connectWeak(owner, (o, s, sender, val) -> { }, options);
        return new WeakReference<>(owner);
    }

    private static WeakReference<Object> connectForShortLivedSender(Signal<String> signal) {
        Object sender = new Object();
        signal.connect((s, from, val) -> { }, sender(sender));
        return new WeakReference<>(sender);
    }
}
