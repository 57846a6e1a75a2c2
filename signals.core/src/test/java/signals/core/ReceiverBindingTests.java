package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.dispatchUid;
import static signals.core.ConnectOption.sender;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Django's {@code tests/dispatch/tests.py::ReceiverTestCase}: {@link SignalBinding} is the value form
 * of the {@code @receiver} decorator, connected here with {@link SignalBinding#connect()} rather than
 * through a {@link ReceiverProvider}.
 */
class ReceiverBindingTests {

    private final Signal<Boolean> aSignal = Signal.of("a_signal", Boolean.class);
    private final Signal<String> bSignal = Signal.of("b_signal", String.class);
    private final Signal<String> cSignal = Signal.of("c_signal", String.class);
    private final Signal<String> dSignal = Signal.of("d_signal", String.class);

    private boolean state;

    // Django: ReceiverTestCase.test_receiver_single_signal
    @Test
    void boundReceiverIsCalledBySend() {
        SignalBinding.receiver(aSignal, (signal, sender, val) -> state = val).connect();

        aSignal.send(this, true);

        assertTrue(state);
    }

    // Django: ReceiverTestCase.test_receiver_signal_list
    @Test
    void receiverBoundToSeveralSignalsIsCalledByEach() {
        List<String> states = new ArrayList<>();
        SignalBinding.receiver(List.of(bSignal, cSignal, dSignal), (signal, sender, val) -> states.add(val)).connect();

        bSignal.send(this, "a");
        dSignal.send(this, "c");
        cSignal.send(this, "b");

        assertEquals(Set.of("a", "b", "c"), Set.copyOf(states));
        assertEquals(3, states.size());
    }

    // Java: as Django's decorator returns the function unchanged, a binding connects the receiver itself
    @Test
    void connectionsHoldTheBoundReceiverItself() {
        Receiver<String> receiver = (signal, sender, val) -> { };

        List<SignalConnection> connections = SignalBinding.receiver(List.of(bSignal, cSignal), receiver).connect();

        assertEquals(2, connections.size());
        assertSame(bSignal, connections.get(0).signal());
        assertSame(cSignal, connections.get(1).signal());
        for (SignalConnection connection : connections) {
            assertSame(receiver, connection.receiver());
            assertTrue(connection.isConnected());
        }
    }

    // Java: as Django's @receiver passes sender= and dispatch_uid= on, options apply to every signal
    @Test
    void bindingOptionsApplyToEverySignal() {
        List<String> calls = new ArrayList<>();
        List<SignalConnection> connections = SignalBinding.receiver(List.of(bSignal, cSignal),
                (Receiver<String>) (signal, sender, val) -> calls.add(signal.name() + " " + val),
                sender("seven"), dispatchUid("bound")).connect();

        bSignal.send("seven", "x");
        bSignal.send("eight", "x");
        cSignal.send("seven", "y");

        assertEquals(List.of("b_signal x", "c_signal y"), calls);
        for (SignalConnection connection : connections) {
            assertEquals("seven", connection.sender().orElseThrow());
            assertEquals("bound", connection.dispatchUid().orElseThrow());
        }
        assertTrue(cSignal.disconnectUid("bound", sender("seven")));
        assertTrue(cSignal.receivers().isEmpty());
        assertTrue(bSignal.hasListeners("seven"));
    }

    // Java: as in Django, connecting the same receiver twice connects it once
    @Test
    void connectingABindingTwiceConnectsOnce() {
        SignalBinding<String> binding = SignalBinding.receiver(bSignal, (signal, sender, val) -> { });

        List<SignalConnection> first = binding.connect();
        List<SignalConnection> second = binding.connect();

        assertSame(first.get(0).receiver(), second.get(0).receiver());
        assertFalse(second.get(0).disconnect(), "the second binding does not own the connection");
        assertEquals(1, bSignal.receivers().size());
    }

    // Java: a responder binding answers, as a receiver returning a value does in Django
    @Test
    void responderBindingReplies() {
        SignalBinding.responder(bSignal, (signal, sender, val) -> val.length()).connect();

        List<Reply> replies = bSignal.send(this, "four");

        assertEquals(1, replies.size());
        assertEquals(4, replies.get(0).value());
    }

    // Java: bindings list their signals, and describe themselves by signal and receiver
    @Test
    void bindingListsItsSignalsAndNamesThemInItsDescription() {
        SignalBinding<String> binding = SignalBinding.receiver(List.of(bSignal, cSignal), new Named());

        assertEquals(List.of(bSignal, cSignal), binding.signals());
        assertTrue(binding.toString().contains("'b_signal', 'c_signal'"), binding.toString());
        assertTrue(binding.toString().contains(Named.class.getName()), binding.toString());
    }

    // Java: bad input names what is wrong, before anything is connected
    @Test
    void badBindingsFailNamingTheProblem() {
        Receiver<String> receiver = (signal, sender, val) -> { };
        assertEquals("signal", assertThrows(NullPointerException.class,
                () -> SignalBinding.receiver((Signal<String>) null, receiver)).getMessage());
        assertEquals("signals", assertThrows(NullPointerException.class,
                () -> SignalBinding.receiver((List<Signal<String>>) null, receiver)).getMessage());
        assertEquals("receiver is null, for a binding of signal 'b_signal'", assertThrows(NullPointerException.class,
                () -> SignalBinding.receiver(bSignal, null)).getMessage());
        assertEquals("responder is null, for a binding of signal 'b_signal'", assertThrows(NullPointerException.class,
                () -> SignalBinding.responder(bSignal, null)).getMessage());
        assertEquals("signals[1]", assertThrows(NullPointerException.class,
                () -> SignalBinding.receiver(Arrays.asList(bSignal, null), receiver)).getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> SignalBinding.receiver(List.<Signal<String>>of(), receiver));
        assertTrue(empty.getMessage().contains("signals is empty"), empty.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> SignalBinding.receiver(bSignal, receiver, sender("a"), sender("b")));
        assertTrue(twice.getMessage().contains("sender given twice"), twice.getMessage());
        assertTrue(bSignal.receivers().isEmpty());
    }

    /** A receiver with a class name of its own, to find in descriptions. */
    static final class Named implements Receiver<String> {
        @Override
        public void receive(Signal<?> signal, Object sender, String payload) {
        }
    }
}
