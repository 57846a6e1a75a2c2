package signals.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import signals.core.SignalConnection;
import signals.core.Inventory;
import signals.core.Reply;
import signals.core.Signals;

/**
 * The library as an application meets it: nothing is wired by hand, the consumer's provider is
 * found by {@link java.util.ServiceLoader} on whichever path this run uses.
 */
class ConsumerTests {

    private static final String WHERE = ShopReceivers.class.getModule().isNamed() ? "(module signals.it)" : "(class path)";

    @Test
    void theConsumersReceiversAreConnectedAtFirstUseWithoutAnyWiring() {
        List<Reply> replies = Shop.ORDER_PLACED.send("web", new Shop.OrderPlaced(7, 1250));

        assertEquals(2, replies.size());
        assertEquals(null, replies.get(0).value());
        assertEquals("invoice 7", replies.get(1).value());
        assertTrue(ShopReceivers.SEEN.contains("order_placed from web: 7"), ShopReceivers.SEEN::toString);
    }

    @Test
    void senderFilteringComesFromTheProvidersDeclaration() {
        List<Reply> replies = Shop.ORDER_PLACED.send("phone", new Shop.OrderPlaced(8, 99));

        assertEquals(1, replies.size(), "the invoice responder listens to sender \"web\" only");
    }

    @Test
    void everyConnectionNamesTheProviderAndWhereItLives() {
        List<String> origins = Shop.ORDER_PLACED.receivers().stream().map(SignalConnection::origin).collect(Collectors.toList());

        assertEquals(List.of("provider signals.it.ShopReceivers " + WHERE, "provider signals.it.ShopReceivers " + WHERE),
                origins);
    }

    @Test
    void theInventoryListsTheJdbcAdapterFoundOnThisPath() {
        String where = ConsumerTests.class.getModule().isNamed() ? "(module signals.jdbc)" : "(class path)";

        Inventory.Adapter jdbc = Signals.inventory().adapters().stream()
                .filter(adapter -> adapter.type().startsWith("signals.jdbc.")).findFirst().orElseThrow();

        assertEquals("signals.jdbc.internal.JdbcAdapter " + where, jdbc.type());
        assertEquals(List.of("connection_created"), jdbc.signals());
        assertTrue(Signals.inventory().signals().stream()
                .anyMatch(signal -> signal.name().equals("connection_created") && signal.adapterFound()));
    }
}
