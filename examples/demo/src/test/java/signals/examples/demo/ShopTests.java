package signals.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import signals.examples.shop.AuditLog;
import signals.examples.shop.Shop;
import signals.jpa.ModelSignals;
import signals.jpa.PostDelete;
import signals.jpa.PostSave;
import signals.test.MuteSignals;
import signals.test.OverrideSetting;
import signals.test.RecordSignals;
import signals.test.SignalRecorder;

/**
 * The shop tested as its developers would, with {@code signals.test}: record what an operation
 * sends, override a setting for one test, mute a signal to load data without its side effects.
 */
@RecordSignals
class ShopTests {

    private static Shop shop;
    private static long customer;

    @BeforeAll
    static void openTheShop() {
        shop = Shop.open("shop-tests");
        customer = shop.addCustomer("Bea");
    }

    @AfterAll
    static void closeTheShop() {
        shop.close();
    }

    @Test
    void placingAnOrderSavesItAndItsLineThenTheTotalTheLineChanged(SignalRecorder recorder) {
        long order = shop.placeOrder(customer, "diavola", 2, 1050);

        List<String> saves = recorder.payloads(ModelSignals.POST_SAVE).stream()
                .map(save -> save.instance().getClass().getSimpleName() + (save.created() ? " created" : " updated " + save.updateFields()))
                .collect(Collectors.toList());
        assertEquals(List.of("Order created", "OrderLine created", "Order updated [totalCents]"), saves);
        assertEquals(2100, shop.order(order).orElseThrow().totalCents());
    }

    @Test
    void changingTagsSendsTheM2mActionsInPairs(SignalRecorder recorder) {
        long order = shop.placeOrder(customer, "marinara", 1, 700);
        recorder.clear();

        shop.tag(order, "Takeaway");
        shop.clearTags(order);

        List<String> actions = recorder.payloads(ModelSignals.M2M_CHANGED).stream()
                .map(change -> change.action().name())
                .collect(Collectors.toList());
        assertEquals(List.of("PRE_ADD", "POST_ADD", "PRE_CLEAR", "POST_CLEAR"), actions);
        assertEquals(List.of(), shop.tagNames(order));
    }

    @Test
    void deletingAnOrderDeletesItsLinesFirstAndAuditsEach(SignalRecorder recorder) {
        long order = shop.placeOrder(customer, "margherita", 1, 850);
        shop.addLine(order, "diavola", 1, 1050);
        recorder.clear();

        shop.deleteOrder(order);

        recorder.assertSequence(ModelSignals.PRE_DELETE, ModelSignals.PRE_DELETE, ModelSignals.PRE_DELETE,
                ModelSignals.POST_DELETE, ModelSignals.POST_DELETE, ModelSignals.POST_DELETE);
        List<PostDelete<?>> deleted = recorder.payloads(ModelSignals.POST_DELETE);
        assertTrue(deleted.stream().allMatch(delete -> delete.origin().toString().equals("Order#" + order)), deleted::toString);
        assertTrue(AuditLog.lines().contains("deleted Order#" + order), AuditLog.lines()::toString);
    }

    @Test
    @OverrideSetting(name = Shop.CURRENCY, value = "GBP")
    void thePriceListFollowsTheCurrencySetting() {
        assertEquals("margherita 8.50 GBP", shop.priceList().get(1));
    }

    @Test
    void thePriceListIsInEurosByDefault() {
        assertEquals("margherita 8.50 EUR", shop.priceList().get(1));
    }

    @Test
    @MuteSignals("post_save")
    void withPostSaveMutedTheTotalIsNotKept(SignalRecorder recorder) {
        long order = shop.placeOrder(customer, "margherita", 3, 850);

        assertEquals(0, shop.order(order).orElseThrow().totalCents());
        // The order and its line were still saved and sent, to no receiver: no total, so no update.
        List<PostSave<?>> saves = recorder.payloads(ModelSignals.POST_SAVE);
        assertEquals(2, saves.size(), saves::toString);
        assertTrue(recorder.sent(ModelSignals.POST_SAVE).stream().allMatch(send -> send.muted()), saves::toString);
    }
}
