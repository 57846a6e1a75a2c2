package signals.relay.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.relay.spi.TransportSession;
import signals.relay.spi.WireMessage;
import signals.relay.testkit.LogCapture;

/**
 * A session whose connection goes through a {@link NatsProxy} that falls silent or refuses
 * connections: what it does when the server stops answering, and how often it tries again.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NatsSilenceTests {

    @RegisterExtension
    static final NatsServer server = new NatsServer();

    /**
     * A connection that confirms nothing fails the batch after the publish timeout of 5 seconds,
     * not sooner nor later, naming the first message, and is closed: a hand-over on it fails at
     * once. The consumer thread is held by a delivery meanwhile, so that its own check of the
     * pull (3 seconds of silence) does not replace the connection first.
     */
    @Test
    void aConnectionThatConfirmsNothingFailsTheBatchAfterFiveSecondsAndIsClosed() throws Exception {
        Receiver receiver = new Receiver("deadline").holding(1);
        try (NatsProxy proxy = new NatsProxy(server.url())) {
            TransportSession session = NatsRelay.server(proxy.url()).open(receiver);
            try {
                publishByHand("deadline", "h-1");
                receiver.awaitDelivery(1);
                proxy.silence();
                long start = System.nanoTime();
                CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> {
                    try {
                        session.publish(List.of(message("d-1"), message("d-2")));
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                ExecutionException failure = assertThrows(ExecutionException.class,
                        () -> batch.get(20, TimeUnit.SECONDS));
                long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                Throwable cause = failure.getCause().getCause();
                assertTrue(cause instanceof IOException, String.valueOf(cause));
                assertEquals("stream signals-deadline did not confirm message d-1 within 5000 ms", cause.getMessage());
                assertTrue(took >= 4_900 && took < 10_000, "the batch failed after " + took + " ms");
                // Closed: a hand-over fails at once, on the connection (the consumer thread, still
                // held, has not let go of it).
                IOException handOver = assertThrows(IOException.class,
                        () -> session.publishNow(message("d-3")));
                assertTrue(handOver.getMessage().startsWith("relay deadline/me lost its connection to " + proxy.url()
                        + ": "), handOver.getMessage());
            } finally {
                receiver.release(1);
                session.close();
            }
        }
    }

    /**
     * While every connection is refused, the session tries a new one every quarter of a second
     * (not in a tight loop), and connects again once they are let through.
     */
    @Test
    void whileConnectionsAreRefusedTheSessionTriesAgainFourTimesASecond() throws Exception {
        Receiver receiver = new Receiver("pace");
        try (LogCapture log = LogCapture.messages("signals.relay");
             NatsProxy proxy = new NatsProxy(server.url())) {
            try (TransportSession session = NatsRelay.server(proxy.url()).open(receiver)) {
                proxy.refuse();
                NatsRelayTests.await(() -> log.lines().stream().anyMatch(line -> line.startsWith(
                        "relay pace/me lost its connection to " + proxy.url())), log.lines()::toString);
                Thread.sleep(300);
                int before = proxy.accepted();
                Thread.sleep(2_000);
                int tries = proxy.accepted() - before;
                assertTrue(tries >= 3 && tries <= 9, tries + " connections tried in 2 s");
                proxy.forward();
                NatsRelayTests.await(() -> log.lines().contains("relay pace/me connected again to " + proxy.url()),
                        log.lines()::toString);
                publishByHand("pace", "p-1");
                receiver.awaitDelivery(1);
                assertEquals(List.of("p-1"), receiver.ids());
            }
        }
    }

    private static void publishByHand(String application, String id) throws Exception {
        NatsRelayTests.publish(server.hand(), application, NatsRelayTests.headers("1", "ping", "other", id),
                NatsRelayTests.kwargs(1));
    }

    private static WireMessage message(String id) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(WireMessage.ID_HEADER, id);
        headers.put(WireMessage.INSTANCE_HEADER, "me");
        return WireMessage.of(headers, new byte[] {1, 2, 3});
    }
}
