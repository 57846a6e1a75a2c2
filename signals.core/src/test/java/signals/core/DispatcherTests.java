package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.dispatchUid;
import static signals.core.ConnectOption.sender;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Django's {@code tests/dispatch/tests.py::DispatcherTests}, one method per behaviour. Django's
 * {@code receiver_1_arg(val, **kw)} that returns {@code val} is a {@link Responder} here, since
 * only a responder's return value becomes its reply.
 */
class DispatcherTests {

    private final Signal<String> signal = Signal.of("a_signal", String.class);

    private final Responder<String> receiver1Arg = (signal, sender, val) -> val;

    // Django: test_cannot_connect_no_kwargs
    // Java checks the receiver's shape at compile time; what is left to check at run time is a
    // missing receiver.
    @Test
    void connectingNullReceiverFailsNamingItAndConnectsNothing() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> signal.connect(null));
        assertEquals("receiver is null, for signal 'a_signal'", e.getMessage());
        assertClean(signal);
    }

    // Django: test_cannot_connect_non_callable
    // Every Receiver is callable; the other receiver kinds must be present too.
    @Test
    void connectingNullResponderOrWeakReceiverFailsNamingItAndConnectsNothing() {
        NullPointerException responder = assertThrows(NullPointerException.class,
                () -> signal.connectResponder(null));
        assertEquals("responder is null, for signal 'a_signal'", responder.getMessage());
        NullPointerException weak = assertThrows(NullPointerException.class,
                () -> signal.connectWeak(new Owner(), null));
        assertEquals("receiver is null, for signal 'a_signal'", weak.getMessage());
        assertClean(signal);
    }

    // Django: test_send
    @Test
    void sendReturnsReplyOfReceiverConnectedForThatSender() {
        signal.connectResponder(receiver1Arg, sender(this));

        List<Reply> replies = signal.send(this, "test");

        assertReplies(replies, receiver1Arg, "test");
        assertTrue(signal.disconnect(receiver1Arg, sender(this)));
        assertClean(signal);
    }

    // Django: test_send_no_receivers
    @Test
    void sendWithoutReceiversReturnsNoReplies() {
        assertEquals(List.of(), signal.send(this, "test"));
    }

    // Django: test_send_connected_no_sender
    @Test
    void receiverConnectedForEverySenderIsCalledForASpecificSender() {
        signal.connectResponder(receiver1Arg);

        assertReplies(signal.send(this, "test"), receiver1Arg, "test");
        assertTrue(signal.disconnect(receiver1Arg));
        assertClean(signal);
    }

    // Django: test_send_different_no_sender
    @Test
    void receiverConnectedForAnotherSenderIsNotCalled() {
        signal.connectResponder(receiver1Arg, sender(Object.class));

        assertEquals(List.of(), signal.send(this, "test"));
        assertTrue(signal.disconnect(receiver1Arg, sender(Object.class)));
        assertClean(signal);
    }

    // Django: test_unweakrefable_sender
    // A bare object that defines no equals of its own is matched by identity.
    @Test
    void bareObjectWorksAsSender() {
        Object sender = new Object();
        signal.connectResponder(receiver1Arg, sender(sender));

        assertReplies(signal.send(sender, "test"), receiver1Arg, "test");
        assertEquals(List.of(), signal.send(new Object(), "test"));
        assertTrue(signal.disconnect(receiver1Arg, sender(sender)));
        assertClean(signal);
    }

    // Django: test_garbage_collected_receiver
    @Test
    void weakConnectionIsRemovedOnceItsOwnerIsCollected() throws InterruptedException {
        WeakReference<Owner> owner = connectOwnerWeakly(signal, sender(this));

        assertTrue(Gc.until(() -> owner.get() == null && signal.links().length == 0),
                "the owner was not collected, or its connection not removed");
        assertEquals(List.of(), signal.send(this, "test"));
        assertClean(signal);
    }

    // Django: test_garbage_collected_sender
    // Java never reuses the identity of a live object, and a connection holds its sender; what is
    // left is that a new sender does not inherit the receivers of an earlier one, and that
    // connecting for it is not mistaken for a duplicate.
    @Test
    void newSenderDoesNotReachReceiversOfAnEarlierSender() {
        Responder<String> first = (signal, sender, val) -> "first " + val;
        Responder<String> second = (signal, sender, val) -> "second " + val;
        Object firstSender = new Object();
        signal.connectResponder(first, sender(firstSender));
        assertReplies(signal.send(firstSender, "x"), first, "first x");

        Object secondSender = new Object();
        SignalConnection connection = signal.connectResponder(second, sender(secondSender));

        assertSame(second, connection.receiver());
        assertReplies(signal.send(secondSender, "x"), second, "second x");
    }

    // Django: test_cached_garbaged_collected
    @Test
    void sendingDoesNotKeepTheSenderAlive() throws InterruptedException {
        signal.connectResponder(receiver1Arg);

        WeakReference<Object> sender = sendFromShortLivedSender(signal);

        assertTrue(Gc.until(() -> sender.get() == null), "the signal kept its sender alive");
        assertTrue(signal.disconnect(receiver1Arg));
        assertClean(signal);
    }

    // Django: test_multiple_registration
    @Test
    void connectingTheSameReceiverAgainIsIgnored() {
        Callable receiver = new Callable();
        SignalConnection first = signal.connectResponder(receiver);
        for (int i = 0; i < 5; i++) {
            SignalConnection again = signal.connectResponder(receiver);
            assertSame(receiver, again.receiver());
            again.close();
            assertTrue(first.isConnected(), "closing a duplicate must not disconnect the first connection");
        }

        assertEquals(1, signal.send(this, "test").size());
        assertEquals(1, signal.receivers().size());
    }

    // Django: test_multiple_registration
    // Its second half: the weak connections are dropped, even while the replies of an earlier send
    // are still held.
    @Test
    void connectingTheSameWeakReceiverAgainIsIgnoredAndDroppedWithItsOwner() throws InterruptedException {
        WeakReference<Owner> owner = connectOwnerWeakly(signal, 6);
        List<Reply> replies = signal.send(this, "test");
        assertEquals(1, replies.size());

        assertTrue(Gc.until(() -> owner.get() == null && signal.links().length == 0),
                "the replies kept the owner alive, or its connection was not removed");
        assertClean(signal);
        assertEquals(1, replies.size());
    }

    // Django: test_uid_registration
    @Test
    void secondReceiverWithTheSameDispatchUidIsIgnored() {
        Responder<String> uid1 = (signal, sender, val) -> "one";
        Responder<String> uid2 = (signal, sender, val) -> "two";
        signal.connectResponder(uid1, dispatchUid("uid"));
        signal.connectResponder(uid2, dispatchUid("uid"));

        assertEquals(1, signal.receivers().size());
        assertReplies(signal.send(this, "test"), uid1, "one");
        assertTrue(signal.disconnectUid("uid"));
        assertClean(signal);
    }

    // Django: test_send_robust_success
    @Test
    void sendRobustReturnsRepliesOfReceiversThatDoNotFail() {
        signal.connectResponder(receiver1Arg);

        assertReplies(signal.sendRobust(this, "test"), receiver1Arg, "test");
    }

    // Django: test_send_robust_no_receivers
    @Test
    void sendRobustWithoutReceiversReturnsNoReplies() {
        assertEquals(List.of(), signal.sendRobust(this, "test"));
    }

    // Django: test_send_robust_ignored_sender
    @Test
    void sendRobustReachesReceiverConnectedForEverySender() {
        signal.connectResponder(receiver1Arg);

        assertReplies(signal.sendRobust(this, "test"), receiver1Arg, "test");
    }

    // Django: test_send_robust_fail
    @Test
    void sendRobustReturnsAndLogsTheExceptionOfAFailingReceiver() {
        Fails fails = new Fails();
        signal.connect(fails);

        List<Reply> replies;
        List<LogRecord> logged;
        try (LogCapture log = LogCapture.start()) {
            replies = signal.sendRobust(this, "test");
            logged = log.records();
        }

        assertEquals(1, replies.size());
        Reply reply = replies.get(0);
        assertSame(fails, reply.receiver());
        assertTrue(reply.failed());
        assertNull(reply.value());
        assertSame(fails.thrown, reply.exception());
        assertEquals("this", reply.exception().getMessage());
        assertTrue(reply.exception().getStackTrace().length > 0, "the exception lost its stack trace");

        assertEquals(1, logged.size(), () -> "expected one log record, got " + logged);
        LogRecord record = logged.get(0);
        assertEquals(Level.SEVERE, record.getLevel());
        String message = record.getMessage();
        assertTrue(message.contains("'a_signal'"), message);
        assertTrue(message.contains(Fails.class.getName()), message);
        assertTrue(message.contains("(" + fails.thrown + ")"), message);
        assertSame(fails.thrown, record.getThrown());
    }

    // Django: test_disconnection
    @Test
    void explicitDisconnectsAndCollectedOwnersLeaveTheSignalClean() throws InterruptedException {
        Callable r1 = new Callable();
        Callable r3 = new Callable();
        signal.connectResponder(r1);
        WeakReference<Owner> r2 = connectOwnerWeakly(signal);
        signal.connectResponder(r3);
        assertEquals(3, signal.receivers().size());

        assertTrue(signal.disconnect(r1));
        assertTrue(Gc.until(() -> r2.get() == null && signal.links().length == 1),
                "the owner was not collected, or its connection not removed");
        assertTrue(signal.disconnect(r3));
        assertClean(signal);
    }

    // Django: test_values_returned_by_disconnection
    @Test
    void disconnectTellsWhetherSomethingWasConnected() {
        Callable connected = new Callable();
        Callable neverConnected = new Callable();
        signal.connectResponder(connected);

        assertTrue(signal.disconnect(connected));
        assertFalse(signal.disconnect(neverConnected));
        assertFalse(signal.disconnect(connected));
    }

    // Django: test_has_listeners
    @Test
    void hasListenersFollowsConnectAndDisconnect() {
        assertFalse(signal.hasListeners(null));
        assertFalse(signal.hasListeners(new Object()));

        signal.connectResponder(receiver1Arg);
        assertTrue(signal.hasListeners(null));
        assertTrue(signal.hasListeners(new Object()));

        signal.disconnect(receiver1Arg);
        assertFalse(signal.hasListeners(null));
        assertFalse(signal.hasListeners(new Object()));
    }

    // Django: test_has_listeners
    // A receiver for one sender is invisible to a send without sender, as in Django; the no-
    // argument form asks about every sender.
    @Test
    void hasListenersForOneSenderOnlyCountsThatSender() {
        signal.connectResponder(receiver1Arg, sender("seven"));

        assertTrue(signal.hasListeners("seven"));
        assertFalse(signal.hasListeners("eight"));
        assertFalse(signal.hasListeners(null));
        assertFalse(signal.receivers().isEmpty());
    }

    // Django: SignalTests.test_disconnect_in_dispatch
    @Test
    void receiversDisconnectingThemselvesDuringASendDoNotDisturbIt() {
        SelfDisconnecting a = new SelfDisconnecting();
        SelfDisconnecting b = new SelfDisconnecting();
        signal.connect(a, sender(Owner.class));
        signal.connect(b, sender(Owner.class));

        signal.send(Owner.class, "created");

        assertEquals(1, a.calls);
        assertEquals(1, b.calls);
        assertClean(signal);
        signal.send(Owner.class, "created again");
        assertEquals(1, a.calls);
        assertEquals(1, b.calls);
    }

    // Java: receivers run in connection order, wildcard and sender-specific ones interleaved
    @Test
    void receiversAreCalledInConnectionOrder() {
        List<String> calls = new ArrayList<>();
        signal.connect((signal, sender, val) -> calls.add("any 1"));
        signal.connect((signal, sender, val) -> calls.add("seven 2"), sender("seven"));
        signal.connect((signal, sender, val) -> calls.add("eight"), sender("eight"));
        signal.connect((signal, sender, val) -> calls.add("any 3"));
        signal.connect((signal, sender, val) -> calls.add("seven 4"), sender("seven"));

        signal.fire("seven", "test");

        assertEquals(List.of("any 1", "seven 2", "any 3", "seven 4"), calls);
    }

    // Java: senders are compared with equals, so equal strings, classes and enum constants match
    @Test
    void sendersAreComparedWithEquals() {
        signal.connectResponder(receiver1Arg, sender("seven"));

        assertReplies(signal.send(new String("seven"), "test"), receiver1Arg, "test");
    }

    // Java: a receiver is told which signal called it and for which sender
    @Test
    void receiverGetsTheSignalAndTheSender() {
        List<Object> seen = new ArrayList<>();
        signal.connect((signal, sender, val) -> {
            seen.add(signal);
            seen.add(sender);
            seen.add(val);
        });

        signal.fire("seven", "test");

        assertEquals(List.of(signal, "seven", "test"), seen);
    }

    // Java: the same receiver for two senders is two connections, as Django keys by sender
    @Test
    void sameReceiverForTwoSendersIsTwoConnections() {
        signal.connectResponder(receiver1Arg, sender("seven"));
        signal.connectResponder(receiver1Arg, sender("eight"));

        assertEquals(2, signal.receivers().size());
        assertTrue(signal.disconnect(receiver1Arg, sender("seven")));
        assertFalse(signal.hasListeners("seven"));
        assertTrue(signal.hasListeners("eight"));
    }

    // Java: a dispatch uid is scoped by sender, as in Django
    @Test
    void sameDispatchUidForTwoSendersIsTwoConnections() {
        signal.connectResponder(receiver1Arg, dispatchUid("uid"), sender("seven"));
        signal.connectResponder(receiver1Arg, dispatchUid("uid"), sender("eight"));

        assertEquals(2, signal.receivers().size());
        assertFalse(signal.disconnectUid("uid"));
        assertTrue(signal.disconnectUid("uid", sender("seven")));
        assertEquals(1, signal.receivers().size());
    }

    // Java: in a blocking send, an unchecked exception stops the send and arrives unchanged; a
    // checked one arrives wrapped, naming the signal and the receiver
    @Test
    void sendStopsAtTheFirstExceptionAndWrapsOnlyCheckedOnes() {
        List<String> calls = new ArrayList<>();
        IllegalStateException unchecked = new IllegalStateException("unchecked");
        Fails checked = new Fails();
        Receiver<String> throwsUnchecked = (signal, sender, val) -> {
            throw unchecked;
        };
        SignalConnection first = signal.connect(throwsUnchecked);
        signal.connect((signal, sender, val) -> calls.add("after"));

        assertSame(unchecked, assertThrows(IllegalStateException.class, () -> signal.send(this, "test")));
        assertSame(unchecked, assertThrows(IllegalStateException.class, () -> signal.fire(this, "test")));
        assertEquals(List.of(), calls);

        first.disconnect();
        signal.connect(checked, dispatchUid("checked"));
        ReceiverException wrapped = assertThrows(ReceiverException.class, () -> signal.fire(this, "test"));
        assertSame(checked.thrown, wrapped.getCause());
        assertSame(signal, wrapped.signal());
        assertTrue(wrapped.getMessage().contains("'a_signal'"), wrapped.getMessage());
        assertTrue(wrapped.getMessage().contains(Fails.class.getName()), wrapped.getMessage());
        ReceiverException fromSend = assertThrows(ReceiverException.class, () -> signal.send(this, "test"));
        assertSame(checked.thrown, fromSend.getCause());
    }

    // Java: closing a connection disconnects it, once
    @Test
    void closingAConnectionDisconnectsIt() {
        SignalConnection connection = signal.connectResponder(receiver1Arg);
        assertTrue(connection.isConnected());

        connection.close();

        assertFalse(connection.isConnected());
        assertFalse(connection.disconnect());
        assertClean(signal);
    }

    // ------------------------------------------------------------------------------ helpers

    static void assertReplies(List<Reply> replies, Object receiver, Object value) {
        assertEquals(1, replies.size(), () -> "replies: " + replies);
        assertSame(receiver, replies.get(0).receiver());
        assertEquals(value, replies.get(0).value());
        assertFalse(replies.get(0).failed());
    }

    /** Django's "clean" check: nothing listens and nothing is listed. */
    static void assertClean(Signal<?> signal) {
        assertTrue(signal.receivers().isEmpty(), "hasListeners()");
        assertFalse(signal.hasListeners(null), "hasListeners(null)");
        assertEquals(List.of(), signal.receivers());
    }

    /** The owner lives only in this frame, so that the caller holds nothing but the weak reference. */
    static WeakReference<Owner> connectOwnerWeakly(Signal<String> signal, ConnectOption... options) {
        return connectOwnerWeakly(signal, 1, options);
    }

    static WeakReference<Owner> connectOwnerWeakly(Signal<String> signal, int times, ConnectOption... options) {
        Owner owner = new Owner();
        // One receiver object: a method reference evaluated twice may or may not be the same object.
        WeakReceiver<Owner, String> a = Owner::a;
        for (int i = 0; i < times; i++) {
            signal.connectWeak(owner, a, options);
        }
        return new WeakReference<>(owner);
    }

    private static WeakReference<Object> sendFromShortLivedSender(Signal<String> signal) {
        Object sender = new Owner();
        assertEquals(1, signal.send(sender, "test").size());
        assertTrue(signal.hasListeners(sender));
        return new WeakReference<>(sender);
    }

    // ----------------------------------------------------------------------------- fixtures

    /** Django's {@code Callable}: an object that answers with its argument. */
    static final class Callable implements Responder<String> {
        @Override
        public Object respond(Signal<?> signal, Object sender, String val) {
            return val;
        }
    }

    /** Owns a weakly connected receiver method, Django's bound method {@code a.a}. */
    static final class Owner {
        int calls;

        void a(Signal<?> signal, Object sender, String val) {
            calls++;
        }
    }

    /** Throws one known exception, checked so that blocking sends must wrap it. */
    static final class Fails implements Receiver<String> {
        final Exception thrown = new Exception("this");

        @Override
        public void receive(Signal<?> signal, Object sender, String val) throws Exception {
            throw thrown;
        }
    }

    /** Disconnects itself from the signal that calls it, for the sender it was called with. */
    static final class SelfDisconnecting implements Receiver<String> {
        int calls;

        @Override
        public void receive(Signal<?> signal, Object sender, String val) {
            calls++;
            assertTrue(signal.disconnect(this, sender(sender)));
        }
    }

    @Test
    void aSecondConnectReturnsAViewOfTheFirstConnectionThatCannotDisconnectIt() {
        Receiver<String> receiver = (s, sender, text) -> { };
        SignalConnection first = signal.connect(receiver, sender("seven"), dispatchUid("seven.log"));

        SignalConnection again = signal.connect(receiver, sender("seven"), dispatchUid("seven.log"));

        assertSame(signal, again.signal());
        assertSame(receiver, again.receiver());
        assertEquals(java.util.Optional.of("seven"), again.sender());
        assertEquals(java.util.Optional.of("seven.log"), again.dispatchUid());
        assertEquals(first.origin(), again.origin());
        assertTrue(again.origin().startsWith("signals.core.DispatcherTests."), again.origin());
        assertTrue(again.isConnected());
        assertEquals(first + " (already connected)", again.toString());
        assertFalse(again.disconnect(), "the view disconnected the first caller's receiver");
        assertTrue(first.isConnected());
        first.close();
        assertFalse(again.isConnected(), "the view follows the connection it shows");
    }

    @Test
    void aConnectionDescribesItsSignalReceiverSenderAndUid() {
        try (SignalConnection plain = signal.connect((s, sender, text) -> { });
             SignalConnection forOne = signal.connect((s, sender, text) -> { }, sender("seven"), dispatchUid("u1"));
             SignalConnection forKind = signal.connect((s, sender, text) -> { },
                     ConnectOption.senderOrSubclassOf(CharSequence.class))) {

            assertEquals("SignalConnection[a_signal -> lambda in signals.core.DispatcherTests]", plain.toString());
            assertEquals("SignalConnection[a_signal -> lambda in signals.core.DispatcherTests, sender=seven,"
                    + " dispatchUid=u1]", forOne.toString());
            assertEquals("SignalConnection[a_signal -> lambda in signals.core.DispatcherTests,"
                    + " senderOrSubclassOf=interface java.lang.CharSequence]", forKind.toString());
            assertEquals("Signal[a_signal]", signal.toString());
        }
    }

    @Test
    void closingOneConnectionLeavesTheOthers() {
        SignalConnection first = signal.connect((s, sender, text) -> { });
        try (SignalConnection second = signal.connect((s, sender, text) -> { })) {
            first.close();

            assertEquals(List.of(second), signal.receivers());
        }
    }

    @Test
    void disconnectingByReceiverOrUidLeavesAConnectionMadeWithAnotherUid() {
        Receiver<String> receiver = (s, sender, text) -> { };
        try (SignalConnection withUid = signal.connect(receiver, dispatchUid("mine"))) {

            assertFalse(signal.disconnect(receiver), "a connection made with a uid is found by its uid");
            assertFalse(signal.disconnectUid("theirs"));
            assertEquals(List.of(withUid), signal.receivers());
            assertTrue(signal.disconnectUid("mine"));
        }
    }

    @Test
    void aWeakResponderIsConnectedAndDisconnectedByItsOwner() {
        Object owner = new Object();
        WeakResponder<Object, String> responder = (o, s, sender, text) -> "answered " + text;

        SignalConnection connection = signal.connectWeakResponder(owner, responder);

        assertTrue(connection.isConnected());
        assertEquals(List.of(connection), signal.receivers());
        assertEquals("answered x", signal.send("any", "x").get(0).value());
        assertFalse(signal.disconnectWeak(new Object(), responder), "another owner");
        assertTrue(signal.disconnectWeak(owner, responder));
        assertFalse(signal.disconnectWeak(owner, responder), "already gone");
        assertTrue(signal.receivers().isEmpty());
    }

    @Test
    void sendersWithTheSameHashAreStillDifferentSenders() {
        // "Aa" and "BB" have the same String hash code.
        assertEquals("Aa".hashCode(), "BB".hashCode());
        List<String> heard = new ArrayList<>();
        try (SignalConnection aa = signal.connect((s, sender, text) -> heard.add("Aa " + text), sender("Aa"));
             SignalConnection bb = signal.connect((s, sender, text) -> heard.add("BB " + text), sender("BB"))) {

            signal.send("BB", "1");
            signal.send("Aa", "2");
            signal.send("Ab", "3");

            assertEquals(List.of("BB 1", "Aa 2"), heard);
            assertFalse(signal.hasListeners("Ab"));
        }
    }

    @Test
    void aReceiverThatDisconnectsItselfAndThenThrowsIsStillNamed() {
        Receiver<String> quitter = new Receiver<>() {
            @Override
            public void receive(Signal<?> s, Object sender, String text) throws Exception {
                signal.disconnect(this);
                throw new java.io.IOException("gone");
            }
        };
        signal.connect(quitter);

        ReceiverException failure = assertThrows(ReceiverException.class, () -> signal.fire("any", "x"));

        assertTrue(failure.getMessage().startsWith("receiver signals.core.DispatcherTests$"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith(" of signal 'a_signal' threw java.io.IOException: gone"),
                failure.getMessage());
        assertTrue(signal.receivers().isEmpty());
    }

    @Test
    void receiversForOneSenderAndForEverySenderKeepTheirConnectionOrderWhenTheSnapshotIsRebuilt() {
        List<String> heard = new ArrayList<>();
        signal.connect((s, sender, text) -> heard.add("for seven"), sender("seven"));
        signal.connect((s, sender, text) -> heard.add("for everyone"));
        SignalConnection dropped = signal.connect((s, sender, text) -> heard.add("dropped"), sender("eight"));

        // A disconnect builds the snapshot from scratch, merging the two kinds of receivers.
        dropped.close();
        signal.send("seven", "x");

        assertEquals(List.of("for seven", "for everyone"), heard);
    }
}
