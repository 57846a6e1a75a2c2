package signals.relay.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.relay.spi.TransportContext;
import signals.relay.spi.TransportSession;
import signals.relay.spi.WireMessage;
import signals.relay.testkit.LogCapture;

/** The transport session as the relay drives it, without a relay: what it tells the relay. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NatsSessionTests {

    @RegisterExtension
    static final NatsServer server = new NatsServer();

    @Test
    void aMessageHandedOverIsStoredAndItsConfirmationCompletes() throws Exception {
        try (TransportSession session = NatsRelay.server(server.url()).open(context("now"))) {
            Future<?> confirmation = session.publishNow(message("now-1"));
            assertNotNull(confirmation, "NATS publishes without waiting");
            assertNotNull(confirmation.get(10, TimeUnit.SECONDS));
            assertEquals(1, server.hand().jetStreamManagement().getStreamInfo("signals-now").getStreamState()
                    .getMsgCount());
            assertEquals("now-1", server.hand().jetStreamManagement().getMessage("signals-now", 1).getHeaders()
                    .getFirst(WireMessage.ID_HEADER));
        }
    }

    @Test
    void withoutAConnectionAHandOverFailsNamingTheServer() throws Exception {
        try (TransportSession session = NatsRelay.server(server.url()).open(context("gone"))) {
            server.closeHand();
            server.stop();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                IOException failure = null;
                while (failure == null && System.nanoTime() < deadline) {
                    try {
                        session.publishNow(message("gone-" + System.nanoTime()));
                        Thread.sleep(20);
                    } catch (IOException e) {
                        failure = e;
                    }
                }
                assertNotNull(failure, "still handing over 20 s after the server stopped");
                assertTrue(failure.getMessage().contains(server.url()), failure.getMessage());
            } finally {
                server.launch();
            }
        }
    }

    @Test
    void aStreamThatCannotBeCreatedFailsTheOpenNamingItAndLeavesNoConnection() throws Exception {
        server.hand().jetStreamManagement().addStream(StreamConfiguration.builder().name("taken")
                .subjects("signals.relay.conflict").storageType(StorageType.Memory).build());
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        IOException failure = assertThrows(IOException.class,
                () -> NatsRelay.server(server.url()).open(context("conflict")));
        assertTrue(failure.getMessage().startsWith("cannot set up stream signals-conflict and consumer me on "
                + server.url() + ": "), failure.getMessage());
        NatsRelayTests.await(() -> NatsRelayTests.threadsSince(before).isEmpty(),
                () -> "left running: " + NatsRelayTests.threadsSince(before));
    }

    /**
     * A consumer thread that does not stop within ten seconds (a receiver that does not return)
     * is interrupted, and close() returns once it ended, not before.
     */
    @Test
    void aConsumerThreadThatDoesNotStopIsInterruptedAndWaitedFor() throws Exception {
        Receiver receiver = new Receiver("stuck").holding(1).lingering(500);
        TransportSession session = NatsRelay.server(server.url()).open(receiver);
        try {
            publish("stuck", "s-1");
            receiver.awaitDelivery(1);
            Thread consumer = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().equals("signals-relay-nats stuck/me")).findFirst().orElseThrow();
            long start = System.nanoTime();
            session.close();
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertFalse(consumer.isAlive(), "close() returned before the consumer thread ended");
            assertTrue(receiver.interrupted(), "the held delivery was not interrupted");
            assertTrue(took >= 10_000 && took < 20_000, "close() took " + took + " ms");
        } finally {
            receiver.release(1);
            session.close(); // again, should the test have failed before
        }
    }

    /** A thread interrupted while close() waits for the consumer thread returns, with its interrupt. */
    @Test
    void aCloseInterruptedWhileWaitingReturnsAndKeepsTheInterrupt() throws Exception {
        Receiver receiver = new Receiver("impatient").holding(1);
        TransportSession session = NatsRelay.server(server.url()).open(receiver);
        try {
            publish("impatient", "i-1");
            receiver.awaitDelivery(1);
            AtomicBoolean interrupted = new AtomicBoolean();
            Thread closer = new Thread(() -> {
                session.close();
                interrupted.set(Thread.currentThread().isInterrupted());
            }, "closer");
            closer.start();
            NatsRelayTests.await(() -> closer.getState() == Thread.State.TIMED_WAITING, closer::toString);
            closer.interrupt();
            closer.join(5_000);
            assertFalse(closer.isAlive(), "close() still waits after its thread was interrupted");
            assertTrue(interrupted.get(), "the interrupt was swallowed");
            assertFalse(receiver.interrupted(), "the consumer thread was interrupted, not the closing one");
        } finally {
            receiver.release(1);
            session.close();
        }
    }

    /** An instance the server does not know starts with what is sent next, and no consumer is said lost. */
    @Test
    void aNewInstanceStartsWithWhatIsSentNextAndNoConsumerIsSaidLost() throws Exception {
        try (LogCapture log = LogCapture.messages("signals.relay")) {
            Receiver receiver = new Receiver("fresh");
            server.hand().jetStreamManagement().addStream(StreamConfiguration.builder().name("signals-fresh")
                    .subjects("signals.relay.fresh").storageType(StorageType.File).build());
            publish("fresh", "f-1");
            try (TransportSession session = NatsRelay.server(server.url()).open(receiver)) {
                publish("fresh", "f-2");
                receiver.awaitDelivery(1);
                Thread.sleep(200);
                assertEquals(List.of("f-2"), receiver.ids());
            }
            assertEquals(List.of(), log.lines().stream().filter(line -> line.contains("lost consumer")).toList());
        }
    }

    /**
     * A consumer placed again (here: deleted on the server, so its pull falls silent) is pulled
     * on a new inbox, and the old inbox is given up: the connection subscribes to as many
     * subjects as before.
     */
    @Test
    void aConsumerPlacedAgainIsPulledOnANewInboxAndTheOldOneIsGivenUp() throws Exception {
        try (LogCapture log = LogCapture.messages("signals.relay")) {
            Receiver receiver = new Receiver("inbox");
            try (TransportSession session = NatsRelay.server(server.url()).open(receiver)) {
                String connection = "signals-relay inbox/me";
                publish("inbox", "n-1");
                receiver.awaitDelivery(1);
                List<String> before = server.subscriptions(connection);
                for (int round = 1; round <= 2; round++) {
                    int placed = round;
                    server.hand().jetStreamManagement().deleteConsumer("signals-inbox", "me");
                    NatsRelayTests.await(() -> log.lines().stream().filter(line -> line.contains("lost consumer"))
                            .count() == placed, log.lines()::toString);
                    publish("inbox", "n-" + (round + 1));
                    receiver.awaitDelivery(round + 1);
                    List<String> after = server.subscriptions(connection);
                    assertEquals(before.size(), after.size(), before + " then " + after);
                    assertNotEquals(before, after, "pulled on the same inbox");
                    before = after;
                }
                assertEquals(List.of("n-1", "n-2", "n-3"), receiver.ids());
            }
        }
    }

    /**
     * A session keeps its consumer and its pull for as long as the server answers: heartbeats
     * keep an idle pull alive, an expired pull is followed by one new pull, a batch larger than
     * one pull is pulled on, and messages that follow each other cost no JetStream API request.
     */
    @Test
    void aSessionKeepsItsConsumerAndOnePullWhileTheServerAnswers() throws Exception {
        Receiver receiver = new Receiver("steady");
        try (TransportSession session = NatsRelay.server(server.url()).open(receiver)) {
            JetStreamManagement management = server.hand().jetStreamManagement();
            ZonedDateTime created = management.getConsumerInfo("signals-steady", "me").getCreationTime();
            // Longer than a pull's expiry (5 s) and than the silence that means a pull is lost (3 s).
            Thread.sleep(9_000);
            ConsumerInfo idle = management.getConsumerInfo("signals-steady", "me");
            assertEquals(created, idle.getCreationTime(), "placed again while idle");
            assertTrue(idle.getNumWaiting() <= 1, "pulls waiting: " + idle.getNumWaiting());
            long requests = management.getAccountStatistics().getApi().getTotalApiRequests();
            List<String> sent = new ArrayList<>();
            for (int n = 1; n <= 300; n++) { // more than one pull brings (256)
                publish("steady", "s-" + n);
                sent.add("s-" + n);
            }
            receiver.awaitDelivery(300);
            long used = management.getAccountStatistics().getApi().getTotalApiRequests() - requests;
            assertEquals(sent, receiver.ids());
            assertEquals(created, management.getConsumerInfo("signals-steady", "me").getCreationTime(),
                    "placed again during the batch");
            // The request for the account statistics is one.
            assertTrue(used < 10, used + " JetStream API requests while 300 messages were delivered");
        }
    }

    private static void publish(String application, String id) throws Exception {
        NatsRelayTests.publish(server.hand(), application, NatsRelayTests.headers("1", "ping", "other", id),
                NatsRelayTests.kwargs(1));
    }

    private static TransportContext context(String application) {
        return new Receiver(application); // nothing is sent by other instances here
    }

    private static WireMessage message(String id) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(WireMessage.ID_HEADER, id);
        headers.put(WireMessage.INSTANCE_HEADER, "me");
        return WireMessage.of(headers, new byte[] {1, 2, 3});
    }
}
