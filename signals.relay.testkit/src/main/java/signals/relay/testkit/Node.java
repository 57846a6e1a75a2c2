package signals.relay.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import signals.relay.RelayState;

/**
 * An instance of an application in a child JVM on the class path, whose main class runs
 * {@link RelayNode}, driven line by line. The child's class path is the test JVM's class path
 * and module path, with the module's test classes and classes: whichever of its two runs the test
 * is in, the child sees the same classes, this jar (and so {@link HandTransactions}) among them.
 */
public final class Node implements AutoCloseable {

    /**
     * What a node has seen from one sending instance.
     *
     * @param deliveries the deliveries, repeats included
     * @param distinct the distinct sends delivered, by their id
     * @param outOfOrder the distinct sends delivered after a later one
     * @param last the highest number of a send delivered
     */
    public record Seen(long deliveries, long distinct, long outOfOrder, long last) {

        /** Nothing seen. */
        public static final Seen NOTHING = new Seen(0, 0, 0, 0);

        /**
         * What a report says of one sending instance, {@link #NOTHING} if it does not name it.
         *
         * @param report a report, as {@link Node#report()} returns it
         * @param from the sending instance's id
         * @return what was seen from it
         */
        public static Seen from(Map<String, Seen> report, String from) {
            return report.getOrDefault(from, NOTHING);
        }
    }

    private final String id;
    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> out = new LinkedBlockingQueue<>();
    private final List<String> log = new ArrayList<>();

    private Node(String id, Process process) {
        this.id = id;
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (log) {
                        log.add(line);
                    }
                    if (line.matches("(started|sent|from|end|state|closed|unknown)( .*)?")) {
                        out.add(line);
                    }
                }
            } catch (IOException ended) {
                // the process was killed
            }
        }, "node " + id);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts an instance and waits until its relay has started.
     *
     * @param main the transport's main class, which hands its instance to {@link RelayNode#run}
     * @param id the instance id, to name the node in failures
     * @param args the main class's arguments
     * @return the started node
     * @throws IOException if the JVM cannot be started
     * @throws InterruptedException if interrupted while waiting
     */
    public static Node start(Class<?> main, String id, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", classPath(), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Node node = new Node(id, process);
        node.expect("started", 30);
        return node;
    }

    /**
     * The test JVM's class path and module path, with the test classes, as one class path.
     *
     * @return the class path, for a child JVM started in the module's directory
     */
    public static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        entries.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        entries.add(Path.of("target", "classes").toAbsolutePath().toString());
        for (String property : new String[] {"jdk.module.path", "java.class.path"}) {
            String value = System.getProperty(property);
            if (value != null && !value.isEmpty()) {
                for (String entry : value.split(File.pathSeparator)) {
                    entries.add(entry);
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The instance id.
     *
     * @return the id it was started with
     */
    public String id() {
        return id;
    }

    /**
     * Sends the node one command, without waiting for its answer.
     *
     * @param line the command
     * @return the command
     * @throws IOException if the node's input is closed
     */
    public String command(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
        return line;
    }

    /**
     * Waits for the node's next answer that starts so, passing over others; fails after the time.
     *
     * @param prefix how the answer starts
     * @param seconds how long to wait
     * @return the answer
     * @throws InterruptedException if interrupted while waiting
     */
    public String expect(String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = out.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(line, () -> "node " + id + " did not answer '" + prefix + "' within " + seconds
                    + " s; it said " + output());
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /**
     * Sends pings outside a transaction.
     *
     * @param count how many
     * @return the number of the last ping the node sent, since it started
     * @throws IOException if the node's input is closed
     * @throws InterruptedException if interrupted while waiting
     */
    public long send(int count) throws IOException, InterruptedException {
        command("send " + count);
        return sent(120);
    }

    /**
     * Sends pings in one transaction by hand.
     *
     * @param how {@code commit} or {@code rollback}
     * @param count how many
     * @return the number of the last ping the node sent
     * @throws IOException if the node's input is closed
     * @throws InterruptedException if interrupted while waiting
     */
    public long transaction(String how, int count) throws IOException, InterruptedException {
        command(how + " " + count);
        return sent(120);
    }

    /**
     * Sends pings in transactions by hand of so many sends each.
     *
     * @param how {@code commit} or {@code rollback}
     * @param count how many
     * @param perTransaction how many in each transaction
     * @return the number of the last ping the node sent
     * @throws IOException if the node's input is closed
     * @throws InterruptedException if interrupted while waiting
     */
    public long transaction(String how, int count, int perTransaction) throws IOException, InterruptedException {
        command(how + " " + count + " " + perTransaction);
        return sent(120);
    }

    /**
     * Waits for the answer to a {@code send} or transaction command sent by {@link #command}.
     *
     * @param seconds how long to wait
     * @return the number of the last ping the node sent
     * @throws InterruptedException if interrupted while waiting
     */
    public long sent(int seconds) throws InterruptedException {
        return Long.parseLong(expect("sent ", seconds).substring(5));
    }

    /**
     * What the node has seen from each other instance.
     *
     * @return by sending instance id, in their order
     * @throws IOException if the node's input is closed
     * @throws InterruptedException if interrupted while waiting
     */
    public Map<String, Seen> report() throws IOException, InterruptedException {
        command("report");
        Map<String, Seen> report = new TreeMap<>();
        for (String line = expect("", 30); !line.equals("end"); line = expect("", 30)) {
            String[] parts = line.split(" ");
            assertEquals("from", parts[0], line);
            report.put(parts[1], new Seen(Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                    Long.parseLong(parts[4]), Long.parseLong(parts[5])));
        }
        return report;
    }

    /**
     * Asks for reports until one passes the check; fails, with what the node said, after a minute.
     *
     * @param check what the report must show
     * @throws IOException if the node's input is closed
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitReport(Predicate<Map<String, Seen>> check) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, Seen> report = report();
        while (!check.test(report)) {
            assertTrue(System.nanoTime() < deadline, () -> "node " + id + " still reports " + output());
            Thread.sleep(100);
            report = report();
        }
    }

    /**
     * Has each node send pings, then waits until every node has seen those of each other node, and
     * checks that it saw each exactly once and in order, and none of its own.
     *
     * @param nodes the nodes, of one application
     * @param count how many pings each sends
     * @throws IOException if a node's input is closed
     * @throws InterruptedException if interrupted while waiting
     */
    public static void eachSendsAndHearsTheOthers(List<Node> nodes, int count) throws IOException,
            InterruptedException {
        for (Node node : nodes) {
            assertEquals(count, node.send(count));
        }
        for (Node node : nodes) {
            node.awaitReport(report -> report.size() == nodes.size() - 1
                    && report.values().stream().allMatch(seen -> seen.deliveries() == count));
            Map<String, Seen> report = node.report();
            for (Node other : nodes) {
                if (other != node) {
                    assertEquals(new Seen(count, count, 0, count), report.get(other.id),
                            node.id + " from " + other.id);
                }
            }
            assertFalse(report.containsKey(node.id), node.id + " heard itself through the transport: " + report);
        }
    }

    /**
     * The relay's counts.
     *
     * @return the node's relay state
     * @throws IOException if the node's input is closed
     * @throws InterruptedException if interrupted while waiting
     */
    public RelayState state() throws IOException, InterruptedException {
        command("state");
        String[] parts = expect("state ", 30).split(" ");
        assertEquals(8, parts.length, () -> "the state line " + String.join(" ", parts));
        long[] counts = new long[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            counts[i - 1] = Long.parseLong(parts[i]);
        }
        return new RelayState(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]);
    }

    /**
     * Kills the JVM (SIGKILL): its relay closes nothing.
     *
     * @throws InterruptedException if interrupted while waiting for it to end
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /**
     * Closes the relay through {@code quit} and waits for the JVM to end.
     *
     * @return the JVM's exit status, -1 if it was killed after 30 s
     * @throws IOException if the node's input is closed
     * @throws InterruptedException if interrupted while waiting
     */
    public int quit() throws IOException, InterruptedException {
        command("quit");
        expect("closed", 30);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /**
     * Everything the node has written so far, for failure messages.
     *
     * @return its output and errors, line by line
     */
    public String output() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    /** Kills the JVM if it still runs, and waits for it to end. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                // AutoCloseable.close should not throw it (javac's try lint): the flag says it.
                Thread.currentThread().interrupt();
            }
        }
    }
}
