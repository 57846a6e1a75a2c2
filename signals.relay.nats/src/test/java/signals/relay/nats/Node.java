package signals.relay.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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

/** A {@link RelayNode} in a child JVM on the class path, driven line by line. */
final class Node implements AutoCloseable {

    /** What a node has seen from one sending instance. */
    record Seen(long deliveries, long distinct, long outOfOrder, long last) {
    }

    final String id;
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

    static Node start(String url, String app, String id, int ackWaitSeconds, long firstN) throws IOException,
            InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classPath(), RelayNode.class.getName(),
                url, app, id, Integer.toString(ackWaitSeconds), Long.toString(firstN));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Node node = new Node(id, process);
        node.expect("started", 30);
        return node;
    }

    /** The test JVM's class path and module path, with the test classes, as one class path. */
    static String classPath() {
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

    String command(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
        return line;
    }

    String expect(String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = out.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(line, () -> "node " + id + " did not answer '" + prefix + "' within " + seconds + " s; it said "
                    + output());
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    long send(int count) throws IOException, InterruptedException {
        command("send " + count);
        return Long.parseLong(expect("sent ", 120).substring(5));
    }

    long transaction(String how, int count) throws IOException, InterruptedException {
        command(how + " " + count);
        return Long.parseLong(expect("sent ", 60).substring(5));
    }

    Map<String, Seen> report() throws IOException, InterruptedException {
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

    /** The relay's counts: relayed, waiting, dropped, received, duplicates, skipped. */
    long[] state() throws IOException, InterruptedException {
        command("state");
        String[] parts = expect("state ", 30).split(" ");
        long[] state = new long[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            state[i - 1] = Long.parseLong(parts[i]);
        }
        return state;
    }

    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    int quit() throws IOException, InterruptedException {
        command("quit");
        expect("closed", 30);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    String output() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
