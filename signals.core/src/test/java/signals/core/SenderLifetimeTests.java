package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.sender;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Senders are held weakly, as in Django since ticket #35801: a connection for a sender object
 * never keeps it alive, and goes once the sender is collected. Values (strings, boxed
 * primitives, enum constants) and classes are held as they are. Short-lived senders are created
 * in helper methods, so that no test frame holds them.
 */
class SenderLifetimeTests {

    private final Signal<String> signal = Signal.of("sender_lifetime", String.class);

    @Test
    void connectionForASenderObjectDoesNotKeepItAlive() throws InterruptedException {
        WeakReference<Object> sender = connectForShortLivedSender(signal);

        assertTrue(Gc.until(() -> sender.get() == null && signal.links().length == 0),
                "the connection kept its sender alive, or was not removed once the sender was collected");
        assertEquals(List.of(), signal.receivers());
    }

    @Test
    void weakConnectionWhoseOwnerIsAlsoItsSenderDies() throws InterruptedException {
        WeakReference<Tenant> owner = connectOwnerAsItsOwnSender(signal);

        assertTrue(Gc.until(() -> owner.get() == null && signal.links().length == 0),
                "a weak connection for its own owner kept that owner alive");
    }

    @Test
    void valueSendersAreHeldAsTheyAre() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        // Built at run time, so that no constant pool or cache keeps them alive on their own.
        signal.connect((s, sender, val) -> seen.add("text " + val), sender(new String("seven")));
        signal.connect((s, sender, val) -> seen.add("number " + val), sender(Integer.valueOf(100_000 + seen.size())));
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(10);
        }

        signal.fire("seven", "a");
        signal.fire(100_000, "b");
        signal.fire(Thread.State.NEW, "c");

        assertEquals(List.of("text a", "number b"), seen);
        assertEquals(2, signal.receivers().size());
    }

    @Test
    void anEqualSenderReachesTheReceiverWhileTheConnectedOneLives() {
        Tenant connected = new Tenant("acme");
        List<String> seen = new ArrayList<>();
        signal.connect((s, sender, val) -> seen.add(val), sender(connected));

        signal.fire(new Tenant("acme"), "equal");
        signal.fire(new Tenant("other"), "unequal");

        assertEquals(List.of("equal"), seen);
        assertTrue(signal.hasListeners(new Tenant("acme")));
        assertEquals(connected, signal.receivers().get(0).sender().orElseThrow());
    }

    @Test
    void sendersThatLiveKeepTheirReceiversWhileOthersAreCollected() throws InterruptedException {
        List<Tenant> kept = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        connectManySenders(signal, kept, seen);

        assertTrue(Gc.until(() -> signal.links().length == kept.size()), "the collected senders' connections stayed");
        for (Tenant tenant : kept) {
            signal.fire(tenant, tenant.name());
        }
        signal.fire(new Tenant("t1"), "collected");

        assertEquals(kept.stream().map(Tenant::name).toList(), seen);
        assertFalse(signal.hasListeners(new Tenant("t1")));
    }

    // ------------------------------------------------------------------------------ helpers

    private static WeakReference<Object> connectForShortLivedSender(Signal<String> signal) {
        Object sender = new Object();
        List<String> seen = new ArrayList<>();
        signal.connect((s, from, val) -> seen.add(val), sender(sender));
        signal.fire(sender, "x");
        assertEquals(List.of("x"), seen);
        return new WeakReference<>(sender);
    }

    private static WeakReference<Tenant> connectOwnerAsItsOwnSender(Signal<String> signal) {
        Tenant tenant = new Tenant("self");
        signal.connectWeak(tenant, (owner, s, from, val) -> { }, sender(tenant));
        assertTrue(signal.hasListeners(tenant));
        return new WeakReference<>(tenant);
    }

    /** Connects 100 senders; every other one is kept, the rest are left to the collector. */
    private static void connectManySenders(Signal<String> signal, List<Tenant> kept, List<String> seen) {
        for (int i = 0; i < 100; i++) {
            Tenant tenant = new Tenant("t" + i);
            signal.connect((s, from, val) -> seen.add(val), sender(tenant));
            if (i % 2 == 0) {
                kept.add(tenant);
            }
        }
    }

    // ----------------------------------------------------------------------------- fixtures

    /** A sender compared by value, as a record is. */
    record Tenant(String name) {
    }
}
