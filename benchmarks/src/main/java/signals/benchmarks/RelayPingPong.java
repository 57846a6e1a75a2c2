package signals.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import signals.core.Kwargs;
import signals.core.Signal;
import signals.relay.Relay;
import signals.relay.RelayCodec;
import signals.relay.Remote;
import signals.relay.spi.Transport;

/**
 * The ping-pong between two JVMs that each transport's relay benchmark measures: this JVM sends
 * pings, a second JVM (an echo started from this class path) answers each with a pong carrying
 * the same number, and an operation ends when its pongs are back. {@code roundTrip} sends one
 * ping at a time (its sample times give the median and p99 of a round trip, two one-way trips);
 * {@code burst} sends 1,000 and waits for their 1,000 pongs (throughput of relayed sends each way).
 * A subclass sets up either a relay ({@link #startRelay}) or its engine by hand, and sends pings by
 * hand in {@link #sendByHand}.
 */
@State(Scope.Benchmark)
public abstract class RelayPingPong {

    static final Signal<Kwargs> PING = Signal.withArguments("bench_ping", "n");
    static final Signal<Kwargs> PONG = Signal.withArguments("bench_pong", "n");

    /** Pongs back so far; a subclass's reader adds those it reads by hand. */
    final AtomicLong pongs = new AtomicLong();
    private Process echo;
    private Relay relay;
    private long sent;

    /**
     * Starts the echo JVM and waits until it says {@code ready}.
     *
     * @param main the echo's class, whose {@code main} takes {@code arguments}
     * @param arguments the echo's arguments
     * @throws IOException if the JVM cannot start or says something else
     */
    void startEcho(Class<?> main, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(arguments));
        echo = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(echo.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"ready".equals(line)) {
            throw new IOException("the echo JVM said " + line);
        }
    }

    /**
     * Starts this side's relay of both signals as instance {@code bench}, counting the pongs.
     *
     * @param application the application both JVMs relay for
     * @param transport the transport under test
     */
    void startRelay(String application, Transport transport) {
        PONG.connect(Remote.only((signal, remote, pong) -> pongs.incrementAndGet()));
        relay = relay(application, "bench", transport);
    }

    /**
     * Closes this side's relay, if it runs, and stops the echo JVM by closing its standard input.
     *
     * @throws Exception if stopping fails
     */
    void stopBoth() throws Exception {
        if (relay != null) {
            relay.close();
        }
        if (echo != null) {
            echo.getOutputStream().close();
            echo.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Sends pings by hand, numbered after {@code last}, as the engine's own limit.
     *
     * @param last the number of the last ping sent
     * @param count how many to send
     * @throws Exception if the engine fails
     */
    abstract void sendByHand(long last, int count) throws Exception;

    /**
     * One ping, then the wait for its pong.
     *
     * @throws Exception if sending fails
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void roundTrip() throws Exception {
        ping(1);
    }

    /**
     * A thousand pings, then the wait for their pongs.
     *
     * @throws Exception if sending fails
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(1_000)
    public void burst() throws Exception {
        ping(1_000);
    }

    private void ping(int count) throws Exception {
        long target = sent + count;
        if (relay != null) {
            for (int i = 0; i < count; i++) {
                PING.send("bench", Kwargs.of("n", ++sent));
            }
        } else {
            sendByHand(sent, count);
            sent = target;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pongs.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pongs stopped at " + pongs.get() + " of " + target);
            }
            LockSupport.parkNanos(5_000);
        }
    }

    /**
     * The echo's relay: answers every remote ping with a pong, as instance {@code echo}, until the
     * benchmark closes the echo's standard input.
     *
     * @param application the application both JVMs relay for
     * @param transport the transport under test
     * @throws IOException if the standard input fails
     */
    static void echoThroughRelay(String application, Transport transport) throws IOException {
        PING.connect(Remote.only((signal, remote, ping) -> PONG.send("echo", Kwargs.of("n", ping.get("n")))));
        Relay echo = relay(application, "echo", transport);
        try {
            System.out.println("ready");
            waitForEndOfInput();
        } finally {
            echo.close();
        }
    }

    private static Relay relay(String application, String instance, Transport transport) {
        return Relay.builder(application).instanceId(instance).relay(PING, RelayCodec.kwargs())
                .relay(PONG, RelayCodec.kwargs()).transport(transport).start();
    }

    /**
     * Returns when the benchmark closes the echo's standard input.
     *
     * @throws IOException if reading it fails
     */
    static void waitForEndOfInput() throws IOException {
        while (System.in.read() >= 0) {
            // the benchmark writes nothing: it only closes the stream
        }
    }
}
