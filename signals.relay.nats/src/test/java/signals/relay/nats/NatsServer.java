package signals.relay.nats;

import static org.junit.jupiter.api.Assertions.fail;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.support.JsonParser;
import io.nats.client.support.JsonValue;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import signals.relay.RelayCodec;

/**
 * A private NATS server with JetStream, on a free port of 127.0.0.1 (its monitoring endpoint on
 * another) and a storage directory of its own, started before a test class's tests and stopped
 * after them: a static field registered with {@code @RegisterExtension}, which the tests also
 * stop, kill and start again. Tests that need it are skipped, saying why, when
 * {@code nats-server} is not on the PATH, and fail instead when {@code signals.nats.required} is
 * true (.ci/run).
 */
final class NatsServer implements BeforeAllCallback, AfterAllCallback {

    private Path store;
    private int port;
    private int monitorPort;
    private Process process;
    private Connection hand;

    /** Starts the server, or skips or fails the test class where nats-server is missing. */
    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        String binary = find();
        if (binary == null && Boolean.getBoolean("signals.nats.required")) {
            fail("nats-server is required (signals.nats.required=true, as .ci/run sets it) but is not on the PATH:"
                    + " install it (Debian's package nats-server)");
        }
        Assumptions.assumeTrue(binary != null, "nats-server is not on the PATH: the NATS tests need it");
        store = Files.createTempDirectory("signals-relay-nats");
        port = freePort();
        monitorPort = freePort();
        launch();
        // A test JVM stopped early (PIT ends a minion that runs too long) must not leave its server running.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    /** Closes the tests' connection, stops the server and deletes its storage. */
    @Override
    public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
        closeHand();
        stop();
        if (store != null) {
            try (Stream<Path> files = Files.walk(store)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    String url() {
        return "nats://127.0.0.1:" + port;
    }

    /**
     * The tests' own connection, to publish and manage streams by hand: made at the first call,
     * and again at the first call after {@link #closeHand()}.
     */
    synchronized Connection hand() throws IOException, InterruptedException {
        if (hand == null) {
            hand = Nats.connect(url());
        }
        return hand;
    }

    /** Closes the tests' connection, before the server goes away under it. */
    synchronized void closeHand() throws InterruptedException {
        if (hand != null) {
            hand.close();
            hand = null;
        }
    }

    /**
     * The subjects the client connection of this name subscribes to, as the server's monitoring
     * endpoint lists them ({@code /connz?subs=1}); fails when no connection has that name.
     */
    List<String> subscriptions(String connectionName) throws IOException {
        String json;
        try (InputStream in = URI.create("http://127.0.0.1:" + monitorPort + "/connz?subs=1&limit=1000").toURL()
                .openStream()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<JsonValue> connections = JsonParser.parse(json).map.get("connections").array;
        for (JsonValue connection : connections == null ? List.<JsonValue>of() : connections) {
            JsonValue name = connection.map.get("name");
            if (name != null && connectionName.equals(name.string)) {
                JsonValue subjects = connection.map.get("subscriptions_list");
                List<String> list = new ArrayList<>();
                if (subjects != null && subjects.array != null) {
                    subjects.array.forEach(subject -> list.add(subject.string));
                }
                return list;
            }
        }
        return fail("no connection named " + connectionName + " in " + json);
    }

    /** The sends the stream of an application holds after a later one, by their number. */
    List<Long> storedOutOfOrder(String application) throws Exception {
        List<Long> late = new ArrayList<>();
        JetStreamManagement management = hand().jetStreamManagement();
        long count = management.getStreamInfo("signals-" + application).getStreamState().getLastSequence();
        long last = 0;
        for (long sequence = 1; sequence <= count; sequence++) {
            long n = RelayCodec.kwargs().decode(management.getMessage("signals-" + application, sequence).getData())
                    .get("n", Long.class);
            if (n <= last) {
                late.add(n);
            }
            last = Math.max(last, n);
        }
        return late;
    }

    /** Starts the server again on the same port and storage, after {@link #stop()}. */
    void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder(find(), "-js", "-a", "127.0.0.1", "-p", Integer.toString(port),
                "-m", Integer.toString(monitorPort), "-sd", store.toString())
                .redirectErrorStream(true)
                .redirectOutput(store.resolve("server.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    fail("nats-server exited with " + process.exitValue() + ": " + Files.readString(store.resolve("server.log")));
                }
                Thread.sleep(50);
            }
        }
        fail("nats-server did not listen on " + port + " within 10 s");
    }

    /** Stops the server; its stream and consumers stay in the storage directory. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Kills the server (SIGKILL): no goodbye to its clients, nothing flushed by the server itself. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Sends the server a signal by name, such as STOP and CONT. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            fail("kill -" + name + " " + process.pid() + " failed");
        }
    }

    private static String find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, "nats-server");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
