package signals.examples.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.logging.LogManager;
import java.util.stream.Collectors;

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
        // Maven passes its property as one argument, possibly empty: split it as a shell would.
        List<String> words = Arrays.stream(String.join(" ", args).trim().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toList());
        quietLogging();
        if (!words.isEmpty() && words.get(0).equals("--serve") && words.size() <= 2) {
            serve(words.size() == 2 ? Integer.parseInt(words.get(1)) : 8080);
            return;
        }
        if (!words.isEmpty()) {
            System.err.println("usage: ShopDemo [--serve [port]]; not understood: " + String.join(" ", words));
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
