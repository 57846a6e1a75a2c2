package signals.benchmarks;

import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import java.time.Duration;
import signals.relay.nats.NatsRelay;

/**
 * The other JVM of {@link NatsRelayBenchmark}: answers every ping with a pong carrying the same
 * number, through a relay ({@code relay}) or through jnats by hand ({@code jnats}). It prints
 * {@code ready} once it listens, and stops when its standard input closes.
 */
public final class NatsRelayEcho {

    private NatsRelayEcho() {
    }

    /**
     * Runs the echo.
     *
     * @param args the way ({@code relay} or {@code jnats}), the server URL, the application name
     * @throws Exception whatever fails
     */
    public static void main(String[] args) throws Exception {
        String way = args[0];
        String url = args[1];
        String application = args[2];
        if (way.equals("relay")) {
            RelayPingPong.echoThroughRelay(application, NatsRelay.server(url));
            return;
        }
        // Not try-with-resources: Connection.close throws InterruptedException, which -Xlint:try flags.
        Connection connection = Nats.connect(url);
        try {
            JetStream jetStream = connection.jetStream();
            IterableConsumer pings = NatsRelayBenchmark.consumer(connection, application, "echo", "ping");
            System.out.println("ready");
            Thread thread = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Message message = pings.nextMessage(Duration.ofMillis(100));
                        if (message != null) {
                            // As durable as the relay's pong: stored before it is delivered, and a
                            // publish the server refused is reported. Like the relay, the echo does
                            // not hold the next pong back until this one is confirmed.
                            jetStream.publishAsync(NatsRelayBenchmark.subject(application, "pong"), message.getHeaders(),
                                    message.getData(), PublishOptions.builder()
                                            .messageId("pong-" + message.getHeaders().getFirst("Signals-Id")).build())
                                    .whenComplete((ack, failure) -> {
                                        if (failure != null) {
                                            failure.printStackTrace();
                                        }
                                    });
                            message.ack();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    e.printStackTrace();
                }
            });
            thread.start();
            RelayPingPong.waitForEndOfInput();
            thread.interrupt();
            thread.join();
            pings.stop();
        } finally {
            connection.close();
        }
    }

    static ConsumeOptions options() {
        return ConsumeOptions.builder().batchSize(256).expiresIn(4_000).build();
    }
}
