package signals.examples.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * The example's entry point: runs the {@link Scenario} and exits 0 when every built-in signal
 * fired and the receivers did their work, 1 otherwise (the summary names what went wrong).
 *
 * <pre>{@code
 * java --module-path <jars> --module signals.examples.demo/signals.examples.demo.ShopDemo
 * }</pre>
 */
public final class ShopDemo {

    private ShopDemo() {
    }

    /**
     * Runs the example.
     *
     * @param args none
     * @throws Exception if the shop fails in a way the scenario did not provoke
     */
    public static void main(String[] args) throws Exception {
        quietLogging();
        Scenario.Result result = Scenario.run(System.out);
        System.out.flush();
        if (!result.ok()) {
            System.exit(1);
        }
    }

    /**
     * Hibernate, Jetty and the pool log through java.util.logging here: only warnings, one line
     * each, without stack traces (the scenario provokes a server error on purpose).
     */
    private static void quietLogging() throws IOException {
        String config = ".level=WARNING\n"
                + "handlers=java.util.logging.ConsoleHandler\n"
                + "java.util.logging.SimpleFormatter.format=%4$s %3$s: %5$s%n\n";
        LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(config.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
