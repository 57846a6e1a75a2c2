package signals.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.jdbc.ConnectionSignals.CONNECTION_CREATED;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import signals.core.Inventory;
import signals.core.Signals;
import signals.jdbc.internal.JdbcAdapter;

/** signals.core finds this module's adapter, and with it the built-in signal. */
class JdbcAdapterTests {

    @Test
    void inventoryListsTheJdbcAdapterWithConnectionCreated() {
        List<Inventory.Adapter> adapters = Signals.inventory().adapters().stream()
                .filter(adapter -> adapter.type().contains("signals.jdbc.internal.JdbcAdapter"))
                .toList();

        assertEquals(1, adapters.size(), Signals.inventory().toString());
        assertEquals(List.of("connection_created"), adapters.get(0).signals());
        assertTrue(adapters.get(0).host().contains("jdbc:signals:"), adapters.get(0).host());
    }

    @Test
    void adapterDeclaresConnectionCreatedWhenAskedAgain() {
        // Discovery asks once per copy of signals.core, long before this test may run.
        assertEquals(List.of(CONNECTION_CREATED), new JdbcAdapter().signals());
    }

    @Test
    void connectionCreatedIsDeclaredOnceAsBuiltInSignalOfThisModule() {
        assertEquals(List.of(CONNECTION_CREATED), Signals.find("connection_created"));
        assertEquals(Optional.of("signals.jdbc"), CONNECTION_CREATED.firedBy());
        assertEquals(ConnectionCreated.class, CONNECTION_CREATED.payloadType());
    }
}
