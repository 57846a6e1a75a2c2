package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.dispatchUid;
import static signals.core.ConnectOption.sender;
import static signals.core.ConnectOption.senderOrSubclassOf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import signals.core.spi.SignalAdapter;

/**
 * Bad input fails at once, with a message naming what was wrong, and changes nothing.
 */
class BadInputTests {

    private static final String FOR_PIZZA_DONE = "%s is null, for signal 'pizza_done'";

    private final Signal<PizzaDone> pizzaDone = Signal.of("pizza_done", PizzaDone.class);
    private final List<Object> calls = new ArrayList<>();
    private final Receiver<PizzaDone> receiver = (signal, sender, pizza) -> calls.add(pizza);
    private final WeakReceiver<Kitchen, PizzaDone> weakReceiver = Kitchen::bake;

    // Issue 12 item 9: a null argument's message names the signal too.
    @Test
    void nullReceiverFailsNamingItAndTheSignal() {
        assertNpe(FOR_PIZZA_DONE.formatted("receiver"), () -> pizzaDone.connect(null));
        assertNpe(FOR_PIZZA_DONE.formatted("responder"), () -> pizzaDone.connectResponder(null));
        assertNpe(FOR_PIZZA_DONE.formatted("receiver"), () -> pizzaDone.connectWeak(new Kitchen(), null));
        assertNpe(FOR_PIZZA_DONE.formatted("responder"), () -> pizzaDone.connectWeakResponder(new Kitchen(), null));
        assertNpe(FOR_PIZZA_DONE.formatted("receiver"), () -> pizzaDone.disconnect((Receiver<?>) null));
        assertNpe(FOR_PIZZA_DONE.formatted("responder"), () -> pizzaDone.disconnect((Responder<?>) null));
        assertNpe(FOR_PIZZA_DONE.formatted("receiver"),
                () -> pizzaDone.disconnectWeak(new Kitchen(), (WeakReceiver<?, ?>) null));
        assertNpe(FOR_PIZZA_DONE.formatted("dispatchUid"), () -> pizzaDone.disconnectUid(null));
        DispatcherTests.assertClean(pizzaDone);
    }

    @Test
    void nullOwnerFailsNamingItAndTheSignal() {
        assertNpe(FOR_PIZZA_DONE.formatted("owner"), () -> pizzaDone.connectWeak(null, weakReceiver));
        assertNpe(FOR_PIZZA_DONE.formatted("owner"), () -> pizzaDone.disconnectWeak(null, weakReceiver));
        DispatcherTests.assertClean(pizzaDone);
    }

    @Test
    void nullOptionFailsNamingItsPositionAndTheSignal() {
        assertNpe(FOR_PIZZA_DONE.formatted("options[0]"), () -> pizzaDone.connect(receiver, (ConnectOption) null));
        assertNpe(FOR_PIZZA_DONE.formatted("options[1]"), () -> pizzaDone.connect(receiver, sender("seven"), null));
        assertNpe(FOR_PIZZA_DONE.formatted("options"), () -> pizzaDone.connect(receiver, (ConnectOption[]) null));
        assertNpe(FOR_PIZZA_DONE.formatted("options[0]"),
                () -> pizzaDone.connectWeak(new Kitchen(), weakReceiver, (ConnectOption) null));
        assertNpe(FOR_PIZZA_DONE.formatted("options[0]"), () -> pizzaDone.disconnect(receiver, (ConnectOption) null));
        DispatcherTests.assertClean(pizzaDone);
    }

    @Test
    void nullOptionValueFailsNamingIt() {
        assertNpe("sender", () -> sender(null));
        assertNpe("type", () -> senderOrSubclassOf(null));
        assertNpe("dispatchUid", () -> dispatchUid(null));
        assertNpe("name", () -> ConnectOption.name(null));
    }

    @Test
    void nullSignalNameOrPayloadTypeFailsNamingIt() {
        assertNpe("name", () -> Signal.of(null, PizzaDone.class));
        assertNpe("payloadType", () -> Signal.of("pizza_done", null));
        assertNpe("name", () -> Signal.withArguments(null, "toppings"));
        assertNpe("name", () -> Signal.builder(null, PizzaDone.class));
        assertNpe("adapterModule", () -> SignalAdapter.declare("pizza_done", PizzaDone.class, null));
    }

    @Test
    void nullExecutorFailsNamingIt() {
        pizzaDone.connect(receiver);

        assertNpe("executor", () -> pizzaDone.sendAsync("seven", new PizzaDone(1, 2), null));
        assertNpe("executor", () -> pizzaDone.sendRobustAsync("seven", new PizzaDone(1, 2), null));
        assertEquals(List.of(), calls);
    }

    @Test
    void nullPayloadOnASignalWithPayloadFailsNamingTheSignalAndType() {
        pizzaDone.connect(receiver);

        for (Executable send : sends(pizzaDone, "seven", null)) {
            NullPointerException e = assertThrows(NullPointerException.class, send);
            assertTrue(e.getMessage().contains("'pizza_done'"), e.getMessage());
            assertTrue(e.getMessage().contains(PizzaDone.class.getName()), e.getMessage());
        }
        assertEquals(List.of(), calls);
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"}) // the only way past the compiler's type check
    void payloadOfTheWrongTypeFailsNamingTheSignalAndBothTypes() {
        pizzaDone.connect(receiver);
        Signal raw = pizzaDone;
        List<Executable> wrongSends = sends(raw, "seven", "not a pizza");

        for (Executable send : wrongSends) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, send);
            assertTrue(e.getMessage().contains("'pizza_done'"), e.getMessage());
            assertTrue(e.getMessage().contains(PizzaDone.class.getName()), e.getMessage());
            assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
        }
        assertEquals(List.of(), calls);
    }

    @Test
    void payloadCheckIgnoresWhetherAnyoneListens() {
        @SuppressWarnings({"rawtypes", "unchecked"}) // as above
        Executable wrongType = () -> ((Signal) pizzaDone).fire("seven", 42);

        assertThrows(IllegalArgumentException.class, wrongType);
        assertThrows(NullPointerException.class, () -> pizzaDone.fire("seven", null));
    }

    @Test
    void blankNameFailsSayingSo() {
        assertIae("signal name is blank", () -> Signal.of(" ", PizzaDone.class));
        assertIae("signal name is blank", () -> Signal.withArguments("", "toppings"));
        assertIae("dispatchUid is blank", () -> dispatchUid(""));
        assertIae("dispatchUid is blank", () -> dispatchUid(" \t"));
    }

    @Test
    void primitivePayloadTypeFailsSuggestingTheWrapper() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Signal.of("count", int.class));

        assertTrue(e.getMessage().contains("'count'"), e.getMessage());
        assertTrue(e.getMessage().contains("primitive int"), e.getMessage());
    }

    @Test
    void optionGivenTwiceFailsNamingBothValues() {
        assertIae("sender given twice: seven and eight",
                () -> pizzaDone.connect(receiver, sender("seven"), sender("eight")));
        assertIae("sender given twice: seven and class java.lang.Object",
                () -> pizzaDone.connect(receiver, sender("seven"), senderOrSubclassOf(Object.class)));
        assertIae("dispatchUid given twice: a and b",
                () -> pizzaDone.connect(receiver, dispatchUid("a"), dispatchUid("b")));
        assertIae("dispatchUid given twice",
                () -> pizzaDone.connectWeak(new Kitchen(), weakReceiver, dispatchUid("a"), dispatchUid("a")));
        assertIae("dispatchUid given twice: a and b", () -> pizzaDone.disconnectUid("a", dispatchUid("b")));
        DispatcherTests.assertClean(pizzaDone);
    }

    @Test
    void voidSignalTakesANullPayload() {
        Signal<Void> ping = Signal.of("ping", Void.class);
        List<Object> seen = new ArrayList<>();
        ping.connect((signal, sender, nothing) -> seen.add(Arrays.asList(sender, nothing)));

        ping.fire("seven", null);
        List<Reply> replies = ping.send("eight", null);

        assertEquals(List.of(Arrays.asList("seven", null), Arrays.asList("eight", null)), seen);
        assertEquals(1, replies.size());
        assertNull(replies.get(0).value());
    }

    // ------------------------------------------------------------------------------ helpers

    /** Every way to send, each as a call that should fail. */
    private static <T> List<Executable> sends(Signal<T> signal, Object sender, T payload) {
        Executor never = task -> {
            throw new AssertionError("nothing should be scheduled");
        };
        return List.of(
                () -> signal.fire(sender, payload),
                () -> signal.send(sender, payload),
                () -> signal.sendRobust(sender, payload),
                () -> signal.sendAsync(sender, payload),
                () -> signal.sendAsync(sender, payload, never),
                () -> signal.sendRobustAsync(sender, payload),
                () -> signal.sendRobustAsync(sender, payload, never));
    }

    private static void assertNpe(String message, Executable call) {
        assertEquals(message, assertThrows(NullPointerException.class, call).getMessage());
    }

    private static void assertIae(String expected, Executable call) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(message.contains(expected), message);
    }

    // ----------------------------------------------------------------------------- fixtures

    /** A typed payload. */
    record PizzaDone(int toppings, int size) {
    }

    /** An owner for weak connections. */
    static final class Kitchen {
        void bake(Signal<?> signal, Object sender, PizzaDone pizza) {
        }
    }
}
