package signals.benchmarks;

import io.nats.client.Connection;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import signals.core.Kwargs;
import signals.core.Signal;
import signals.relay.Relay;
import signals.relay.RelayCodec;
import signals.relay.Remote;
import signals.relay.nats.NatsRelay;

/**
 * Relayed sends between two JVMs over NATS JetStream, beside the same exchange written by hand
 * with jnats (the limit the issue compares with: within 1.5x). This JVM sends pings; a second JVM
 * ({@link NatsRelayEcho}, started by the setup from this class path) answers each with a pong; a
 * benchmark operation ends when the pong is back. {@code roundTrip} sends one ping at a time
 * (its sample times give the median and p99 of a round trip, two one-way trips); {@code burst}
 * sends 1,000 and waits for their 1,000 pongs (throughput of relayed sends each way).
 *
 * <p>{@code way}: {@code relay} relays {@link #PING} and {@link #PONG} with {@code signals.relay}
 * and {@link RelayCodec#kwargs()}; {@code jnats} publishes the same headers and an 8-byte body
 * with {@code publishAsync} and consumes with a durable pull consumer, acknowledging each
 * message, as the relay's transport does. The server: {@code -Drelay.nats.url}, else
 * {@code nats://127.0.0.1:4222}; each trial uses a stream of its own.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class NatsRelayBenchmark {

    static final Signal<Kwargs> PING = Signal.withArguments("bench_ping", "n");
    static final Signal<Kwargs> PONG = Signal.withArguments("bench_pong", "n");

    @Param({"relay", "jnats"})
    String way;

    private final AtomicLong pongs = new AtomicLong();
    private Process echo;
    private Relay relay;
    private Connection connection;
    private JetStream jetStream;
    private IterableConsumer consumer;
    private Thread reader;
    private String application;
    private long sent;

    /**
     * Starts the other JVM and this side's relay or consumer.
     *
     * @throws Exception if the server or the other JVM cannot be reached
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String url = System.getProperty("relay.nats.url", "nats://127.0.0.1:4222");
        application = "bench" + System.nanoTime();
        if (way.equals("jnats")) {
            connection = Nats.connect(url);
            jetStream = connection.jetStream();
            JetStreamManagement management = connection.jetStreamManagement();
            management.addStream(StreamConfiguration.builder().name("signals-" + application)
                    .subjects(subject(application, "ping"), subject(application, "pong"))
                    .storageType(StorageType.File).maxAge(Duration.ofMinutes(10)).build());
        }
        echo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), NatsRelayEcho.class.getName(), way, url, application)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(echo.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"ready".equals(line)) {
            throw new IllegalStateException("the echo JVM said " + line);
        }
        if (way.equals("relay")) {
            PONG.connect(Remote.only((signal, remote, pong) -> pongs.incrementAndGet()));
            relay = Relay.builder(application).instanceId("bench").relay(PING, RelayCodec.kwargs())
                    .relay(PONG, RelayCodec.kwargs()).transport(NatsRelay.server(url)).start();
        } else {
            consumer = consumer(connection, application, "bench", "pong");
            reader = new Thread(this::readPongs, "pongs");
            reader.start();
        }
    }

    /**
     * Stops both sides.
     *
     * @throws Exception if stopping fails
     */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (relay != null) {
            relay.close();
        }
        if (reader != null) {
            reader.interrupt();
            reader.join();
            consumer.stop();
        }
        echo.getOutputStream().close();
        echo.waitFor(30, TimeUnit.SECONDS);
        if (connection != null) {
            connection.jetStreamManagement().deleteStream("signals-" + application);
            connection.close();
        }
    }

    /**
     * One ping, then the wait for its pong.
     *
     * @throws Exception if publishing fails
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
     * @throws Exception if publishing fails
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
        if (way.equals("relay")) {
            for (int i = 0; i < count; i++) {
                PING.send("bench", Kwargs.of("n", ++sent));
            }
        } else {
            List<CompletableFuture<PublishAck>> acks = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long n = ++sent;
                acks.add(jetStream.publishAsync(subject(application, "ping"), headers(n),
                        ByteBuffer.allocate(8).putLong(n).array(),
                        PublishOptions.builder().messageId("bench-" + n).build()));
            }
            for (CompletableFuture<PublishAck> ack : acks) {
                ack.get(10, TimeUnit.SECONDS);
            }
        }
        while (pongs.get() < target) {
            LockSupport.parkNanos(5_000);
        }
    }

    private void readPongs() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Message message = consumer.nextMessage(Duration.ofMillis(100));
                if (message != null) {
                    message.ack();
                    pongs.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The relay's six headers, so that both ways move the same bytes. */
    private Headers headers(long n) {
        return new Headers().put("Signals-Version", "1").put("Signals-Signal", "bench_ping")
                .put("Signals-Instance", "bench").put("Signals-Id", "bench-" + n).put("Signals-Sender", "bench")
                .put("Signals-Sent-At", "2026-12-07T00:00:00Z");
    }

    static String subject(String application, String kind) {
        return "bench." + application + "." + kind;
    }

    static IterableConsumer consumer(Connection connection, String application, String name, String kind)
            throws IOException, io.nats.client.JetStreamApiException {
        String stream = "signals-" + application;
        connection.jetStreamManagement().addOrUpdateConsumer(stream, ConsumerConfiguration.builder().durable(name)
                .deliverPolicy(DeliverPolicy.New).ackPolicy(AckPolicy.Explicit).filterSubject(subject(application, kind))
                .build());
        return connection.getStreamContext(stream).getConsumerContext(name).iterate(NatsRelayEcho.options());
    }
}
