package signals.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import signals.examples.demo.SendLog.Key;

/**
 * Runs the README's example, the whole scenario, once on whichever path this run uses, and checks
 * its summary: the example can never rot unnoticed.
 */
class ScenarioTests {

    /** Every built-in signal of the four adapter modules: the list. */
    private static final Set<String> BUILT_IN = Set.of(
            "connection_created",
            "class_prepared", "pre_migrate", "post_migrate", "pre_init", "post_init",
            "pre_save", "post_save", "pre_delete", "post_delete", "m2m_changed",
            "request_started", "request_finished", "got_request_exception", "template_rendered",
            "setting_changed");

    private static Scenario.Result result;
    private static String output;

    @BeforeAll
    static void runTheScenario() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        // The receivers print to System.out, as an application's would: take both.
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            result = Scenario.run(out);
        } finally {
            System.setOut(console);
        }
        // Columns are padded with spaces: one space between columns is what matters here.
        output = printed.toString(StandardCharsets.UTF_8).replaceAll(" +", " ");
    }

    @Test
    void everyRequiredSignalFiresAndEveryReceiverDoesItsWork() {
        assertEquals(List.of(), result.summary().notFired(), output);
        assertEquals(List.of(), result.failedChecks(), output);
        assertTrue(result.ok());
        assertTrue(output.contains("every required signal fired"), output);
    }

    @Test
    void theRequiredBuiltInSignalsAreThoseOfEveryAdapterTheExampleUses() {
        Set<String> required = result.summary().required().stream()
                .filter(key -> key.kind() == null && !key.signal().equals(Summary.CUSTOM))
                .map(Key::signal)
                .collect(Collectors.toSet());

        assertEquals(BUILT_IN, required);
    }

    @Test
    void theSeedsCustomSignalIsSentOnceBySevenWithItsToppingsAndSize() {
        assertEquals(1, result.summary().count(new Key("pizza_done", null)));
        assertTrue(output.contains(" pizza_done \"seven\" toppings=123, size=456"), output);
        assertTrue(output.contains("-> Pizza done seven PizzaDone[toppings=123, size=456]"), output);
    }

    @Test
    void connectionCreatedIsSentByTheShopsDataSourceAndPreparesTheSession() {
        assertTrue(result.summary().count(new Key("connection_created", null)) >= 1);
        assertTrue(output.contains(" connection_created \"shop\" connection="), output);
        assertTrue(output.contains("-> the session's time zone is now Europe/Rome"), output);
    }

    @Test
    void everyM2mActionAndBothKindsOfSaveAreRequiredAndFired() {
        for (String action : List.of("pre_add", "post_add", "pre_remove", "post_remove", "pre_clear", "post_clear")) {
            Key key = new Key("m2m_changed", action);
            assertTrue(result.summary().required().contains(key), key::toString);
            assertTrue(result.summary().count(key) >= 1, key::toString);
        }
        assertTrue(result.summary().count(new Key("post_save", "created")) >= 1);
        assertTrue(result.summary().count(new Key("post_save", "updated")) >= 1);
    }

    @Test
    void deletingAnOrderCascadesToItsLinesChildrenFirst() {
        int lineDeleted = output.indexOf(" pre_delete OrderLine instance=OrderLine#1 3x margherita, origin=Order#1");
        int orderDeleted = output.indexOf(" pre_delete Order instance=Order#1, origin=Order#1");
        int lineGone = output.indexOf(" post_delete OrderLine instance=OrderLine#1 3x margherita, origin=Order#1");

        assertTrue(lineDeleted >= 0 && orderDeleted > lineDeleted && lineGone > orderDeleted, output);
        assertTrue(output.contains("-> audit: deleted OrderLine#2 1x diavola (cascaded from Order#1)"), output);
    }

    @Test
    void theServerErrorIsReportedBetweenTheRequestsStartAndFinish() {
        int started = output.indexOf(" request_started ServletContext(/) request=GET /oven");
        int failed = output.indexOf(" got_request_exception ServletContext(/) request=GET /oven,"
                + " exception=ServletException: the oven caught fire");
        int finished = output.indexOf(" request_finished ServletContext(/) request=GET /oven");

        assertTrue(started >= 0 && failed > started && finished > failed, output);
    }

    @Test
    void theForwardToTheViewIsATemplateRenderedWithTheControllersAttributes() {
        assertTrue(output.contains(" template_rendered ServletContext(/) template=\"/views/order.html\","
                + " context={customer=\"Ada\", id=1, lines=\"3x margherita, 1x diavola\""), output);
    }

    @Test
    void theSettingOverrideIsAnnouncedOnEnterAndOnLeave() {
        assertEquals(2, result.summary().count(new Key("setting_changed", null)));
        assertTrue(output.contains(" setting_changed system properties setting=\"shop.currency\", value=\"CHF\", enter=true"), output);
        assertTrue(output.contains(" setting_changed system properties setting=\"shop.currency\", value=null, enter=false"), output);
    }

    @Test
    void everySendIsPrintedUnderTheStepThatCausedIt() {
        int step = output.indexOf("== the kitchen");
        int send = output.indexOf(" pizza_done ");

        assertTrue(step >= 0 && send > step && output.indexOf("== place an order") > send, output);
    }
}
