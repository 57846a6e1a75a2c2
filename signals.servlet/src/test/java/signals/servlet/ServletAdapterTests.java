package signals.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import signals.core.Inventory;
import signals.core.Signals;

/** signals.core finds this module's adapter, and lists its four signals and its host. */
class ServletAdapterTests {

    @Test
    void theInventoryListsTheServletAdapterWithItsFourSignals() {
        Inventory.Adapter adapter = Signals.inventory().adapters().stream()
                .filter(candidate -> candidate.host().startsWith("Jakarta Servlet"))
                .findFirst().orElseThrow(() -> new AssertionError("no servlet adapter in " + Signals.inventory()));

        assertEquals(List.of("request_started", "request_finished", "got_request_exception", "template_rendered"),
                adapter.signals());
        assertTrue(adapter.host().contains("SignalsFilter"), adapter.host());
    }
}
