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
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import signals.relay.nats.NatsRelay;

/**
 * Relayed sends between two JVMs over NATS JetStream, beside the same exchange written by hand
 * with jnats (the limit the issue compares with: within 1.5x); the echo is {@link NatsRelayEcho},
 * and {@link RelayPingPong} says what {@code roundTrip} and {@code burst} measure.
 *
 * <p>{@code way}: {@code relay} relays the ping and the pong with {@code signals.relay} and
 * {@link signals.relay.RelayCodec#kwargs()}; {@code jnats} publishes the same headers and an
 * 8-byte body with {@code publishAsync} and consumes with a durable pull consumer, acknowledging
 * each message, as the relay's transport does. The server: {@code -Drelay.nats.url}, else
 * {@code nats://127.0.0.1:4222}; each trial uses a stream of its own.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class NatsRelayBenchmark extends RelayPingPong {

    @Param({"relay", "jnats"})
    String way;

    private Connection connection;
    private JetStream jetStream;
    private IterableConsumer consumer;
    private Thread reader;
    private String application;

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
        startEcho(NatsRelayEcho.class, way, url, application);
        if (way.equals("relay")) {
            startRelay(application, NatsRelay.server(url));
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
        if (reader != null) {
            reader.interrupt();
            reader.join();
            consumer.stop();
        }
        stopBoth();
        if (connection != null) {
            connection.jetStreamManagement().deleteStream("signals-" + application);
            connection.close();
        }
    }

    @Override
    void sendByHand(long last, int count) throws Exception {
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>(count);
        for (long n = last + 1; n <= last + count; n++) {
            acks.add(jetStream.publishAsync(subject(application, "ping"), headers(n),
                    ByteBuffer.allocate(8).putLong(n).array(),
                    PublishOptions.builder().messageId("bench-" + n).build()));
        }
        for (CompletableFuture<PublishAck> ack : acks) {
            ack.get(10, TimeUnit.SECONDS);
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
