package signals.examples.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * The example's entry point: runs the {@link Scenario} and exits 0 when every built-in signal
 * fired and the receivers did their work, 1 otherwise (the summary names what went wrong). With
 * {@code --serve [port]}, keeps the shop's web front up on the loopback interface instead, with a
 * live page of the signals, until the process is stopped.
 *
 * <pre>{@code
 * java --module-path <jars> --add-modules ALL-MODULE-PATH \
 *      --module signals.examples.demo/signals.examples.demo.ShopDemo [--serve [port]]
 * }</pre>
 */
public final class ShopDemo {

    private ShopDemo() {
    }

    /**
     * Runs the example.
     *
     * @param args none, or {@code --serve} and optionally a port (default 8080; 0 for any free one)
     * @throws Exception if the shop fails in a way the scenario did not provoke
     */
    public static void main(String[] args) throws Exception {
        quietLogging();
        if (args.length > 0 && args[0].equals("--serve")) {
            serve(args.length > 1 ? Integer.parseInt(args[1]) : 8080);
            return;
        }
        if (args.length > 0) {
            System.err.println("usage: ShopDemo [--serve [port]]; unknown arguments: " + String.join(" ", args));
            System.exit(2);
        }
        Scenario.Result result = Scenario.run(System.out);
        System.out.flush();
        if (!result.ok()) {
            System.exit(1);
        }
    }

    private static void serve(int port) throws Exception {
        Serve live = Serve.start(port, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(live::close, "shop-stop"));
        System.out.println();
        System.out.println("The shop is live at " + live.uri() + " (signals appear there as they are sent); Ctrl-C stops it.");
        Thread.currentThread().join();
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
