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

    /** The built-in signals of the adapter modules the example depends on. */
    private static final Set<String> BUILT_IN = Set.of("connection_created");

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
    void everySendIsPrintedUnderTheStepThatCausedIt() {
        int step = output.indexOf("== the kitchen");
        int send = output.indexOf(" pizza_done ");

        assertTrue(step >= 0 && send > step && output.indexOf("== place an order") > send, output);
    }
}
