package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.name;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 8: two receivers written in one class look alike ({@code lambda in ...}); the
 * name given with {@link ConnectOption#name} tells them apart wherever a receiver is shown.
 */
class ReceiverNameTests {

    private final Signal<String> signal = Signal.of("named_signal", String.class);

    @Test
    void connectionCarriesItsName() {
        SignalConnection connection = signal.connect((s, sender, val) -> { }, name("kitchen.announce"));

        assertEquals(Optional.of("kitchen.announce"), connection.name());
        assertEquals(Optional.empty(), signal.connect((s, sender, val) -> { }).name());
        assertTrue(connection.toString().contains("'kitchen.announce' (lambda in " + getClass().getName() + ")"),
                connection.toString());
    }

    @Test
    void receiverExceptionNamesTheReceiverThatThrew() {
        signal.connect((s, sender, val) -> { }, name("kitchen.quiet"));
        signal.connect((s, sender, val) -> {
            throw new IOException("oven cold");
        }, name("kitchen.oven"));

        for (Runnable send : List.<Runnable>of(() -> signal.fire("seven", "x"), () -> signal.send("seven", "x"))) {
            ReceiverException e = assertThrows(ReceiverException.class, send::run);
            assertTrue(e.getMessage().startsWith("receiver 'kitchen.oven' (lambda in "), e.getMessage());
        }
    }

    @Test
    void robustSendLogNamesTheReceiver() {
        signal.connect((s, sender, val) -> {
            throw new IllegalStateException("oven cold");
        }, name("kitchen.oven"));

        try (LogCapture log = LogCapture.start()) {
            signal.sendRobust("seven", "x");
            signal.sendRobustAsync("seven", "x").join();

            assertEquals(2, log.records().size());
            for (LogRecord record : log.records()) {
                assertTrue(record.getMessage().startsWith("Error calling 'kitchen.oven' (lambda in "),
                        record.getMessage());
            }
        }
    }

    @Test
    void inventoryShowsTheName() {
        // A name of its own: signals of earlier tests may still be known until they are collected.
        Signal<String> listed = Signal.of("named_signal_in_inventory", String.class);
        listed.connect((s, sender, val) -> { }, name("kitchen.announce"));
        listed.connect((s, sender, val) -> { }, name("kitchen.log"));

        Inventory.SignalEntry entry = Signals.inventory().signals().stream()
                .filter(s -> s.name().equals("named_signal_in_inventory")).findFirst().orElseThrow();

        assertEquals(2, entry.receivers().size());
        assertTrue(entry.receivers().get(0).receiver().startsWith("'kitchen.announce' (lambda in "));
        assertTrue(entry.receivers().get(1).receiver().startsWith("'kitchen.log' (lambda in "));
    }

    @Test
    void bindingCarriesItsNameToItsConnections() {
        SignalBinding<String> binding = SignalBinding.receiver(signal, (s, sender, val) -> { }, name("kitchen.bound"));

        assertTrue(binding.toString().contains("'kitchen.bound'"), binding.toString());
        assertEquals(Optional.of("kitchen.bound"), binding.connect().get(0).name());
    }

    @Test
    void nameIsGivenOnceAndNeverBlank() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> signal.connect((s, sender, val) -> { }, name("a"), name("b")));
        assertEquals("name given twice: a and b, for signal 'named_signal'", twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> name(" "));
        assertEquals("name(a)", name("a").toString());
    }

    @Test
    void nameTakesNoPartInMatching() {
        Receiver<String> receiver = (s, sender, val) -> { };
        signal.connect(receiver, name("first"));

        SignalConnection again = signal.connect(receiver, name("second"));

        assertEquals(Optional.of("first"), again.name(), "the second connect is the same connection");
        assertTrue(signal.disconnect(receiver));
    }
}
