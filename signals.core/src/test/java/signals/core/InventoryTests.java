package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Signals#inventory()} and its report: what an operator reads to see which adapters were
 * found, which signals exist and who listens to them.
 */
class InventoryTests {

    @Test
    void theReportListsAdaptersSignalsAndReceiversWithTheirSendersAndUids() {
        Inventory inventory = new Inventory(
                List.of(new Inventory.Adapter("com.example.Jdbc (module com.example)", "JDBC", List.of("connection_created"))),
                List.of(new Inventory.SignalEntry("connection_created", "java.sql.Connection", "com.example", true,
                                List.of(new Inventory.ReceiverEntry("lambda in com.example.Pool", null, null,
                                        "com.example.Pool.start (module com.example)"))),
                        new Inventory.SignalEntry("orphan", "java.lang.String", "com.example.gone", false, List.of()),
                        new Inventory.SignalEntry("pizza_done", "com.example.Pizza", null, true,
                                List.of(new Inventory.ReceiverEntry("'kitchen' (lambda in com.example.Kitchen)",
                                        "seven", "kitchen.log", "com.example.Kitchen.open (class path)")))));

        assertEquals("""
                adapters:
                  com.example.Jdbc (module com.example): JDBC [connection_created]
                signals:
                  connection_created (java.sql.Connection), fired by com.example
                    <- lambda in com.example.Pool, connected by com.example.Pool.start (module com.example)
                  orphan (java.lang.String), fired by com.example.gone (adapter NOT found: add com.example.gone)
                  pizza_done (com.example.Pizza)
                    <- 'kitchen' (lambda in com.example.Kitchen) [sender seven] [uid kitchen.log], connected by \
                com.example.Kitchen.open (class path)
                """, inventory.toString());
    }

    @Test
    void anEmptyReportSaysThereAreNoAdapters() {
        assertEquals("adapters:\n  (none)\nsignals:\n", new Inventory(List.of(), List.of()).toString());
    }

    @Test
    void signalsOfOneNameAreListedByPayloadTypeAndAnApplicationsOwnSignalNeedsNoAdapter() {
        // Four, so that the order in which they happen to be stored is unlikely to be the sorted one.
        Signal<String> texts = Signal.of("twin_signal", String.class);
        Signal<Short> shorts = Signal.of("twin_signal", Short.class);
        Signal<Long> longs = Signal.of("twin_signal", Long.class);
        Signal<Integer> numbers = Signal.of("twin_signal", Integer.class);
        try (SignalConnection numbered = numbers.connect((s, sender, n) -> { });
             SignalConnection forSubclasses = texts.connect((s, sender, text) -> { },
                     ConnectOption.senderOrSubclassOf(Number.class))) {

            List<Inventory.SignalEntry> twins = Signals.inventory().signals().stream()
                    .filter(s -> s.name().equals("twin_signal")).toList();

            assertEquals(List.of("java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.String"),
                    twins.stream().map(Inventory.SignalEntry::payloadType).toList());
            assertTrue(twins.get(0).adapterFound(), "an application's own signal is fired by the application");
            assertEquals(null, twins.get(0).firedBy());
            assertEquals("class java.lang.Number and subclasses", twins.get(3).receivers().get(0).sender());
            assertEquals(java.util.Set.of(texts, shorts, longs, numbers), java.util.Set.copyOf(Signals.find("twin_signal")));
        }
    }
}
