package signals.relay.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.nats.client.api.ConsumerInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.core.Kwargs;
import signals.relay.Relay;
import signals.relay.RelayCodec;
import signals.relay.Remote;
import signals.relay.spi.TransportSession;

/**
 * How the consumer acknowledges: one acknowledgement covers a run of messages, and the instance's
 * own messages are acknowledged without being delivered.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NatsAcknowledgementTests {

    @RegisterExtension
    static final NatsServer server = new NatsServer();

    @Test
    void everyMessageIsAcknowledgedOnceTheRunEndsAndOwnMessagesAreNeverDelivered() throws Exception {
        List<Long> heard = Collections.synchronizedList(new ArrayList<>());
        try (var connection = NatsRelayTests.PING.connect(Remote.only((signal, remote, ping) ->
                     heard.add(ping.get("n", Long.class))));
             Relay relay = Relay.builder("acks").instanceId("me").relay(NatsRelayTests.PING, RelayCodec.kwargs())
                     .transport(NatsRelay.server(server.url()).withAckWait(Duration.ofSeconds(30))).start()) {
            List<Long> expected = new ArrayList<>();
            for (long n = 1; n <= 300; n++) {
                // Every third message is this instance's own, some of them malformed: the relay
                // would log and count those, were they delivered.
                boolean own = n % 3 == 0;
                String version = own && n % 2 == 0 ? "9" : "1";
                NatsRelayTests.publish(server.hand(), "acks", NatsRelayTests.headers(version, "ping", own ? "me" : "other",
                        "a-" + n), NatsRelayTests.kwargs(n));
                if (!own) {
                    expected.add(n);
                }
            }
            NatsRelayTests.await(() -> relay.state().received() == 200, relay::toString);
            // The ack wait (30 s) is longer than this test may take: the floor moves only by
            // acknowledgements, never by redelivery.
            NatsRelayTests.await(() -> ackFloor() == 300, () -> "ack floor " + ackFloor());
            assertEquals(expected, heard);
            assertEquals(0, relay.state().skipped(), relay::toString);
            assertEquals(0, relay.state().duplicates(), relay::toString);
            assertEquals(0, consumer().getNumAckPending(), "nothing left unacknowledged");
        }
    }

    /**
     * A batch waiting in the inbox is acknowledged every 64 messages, and a session closed in the
     * middle of a run acknowledges the last message it delivered before close() returns: the
     * next session starts after it, not 36 messages earlier.
     */
    @Test
    void aRunIsAcknowledgedEverySixtyFourAndCloseAcknowledgesTheLastDelivered() throws Exception {
        Receiver receiver = new Receiver("runs").holding(1).holding(100);
        TransportSession session = NatsRelay.server(server.url()).withAckWait(Duration.ofMinutes(1)).open(receiver);
        try {
            publish("runs", 1);
            receiver.awaitDelivery(1);
            for (long n = 2; n <= 200; n++) {
                publish("runs", n);
            }
            // The whole batch is on its way to the inbox while the first message is held.
            NatsRelayTests.await(() -> consumer("runs").getDelivered().getStreamSequence() == 200,
                    () -> "delivered " + consumer("runs").getDelivered());
            Thread.sleep(1_000); // for the client to read it all
            receiver.release(1);
            receiver.awaitDelivery(100);
            NatsRelayTests.await(() -> ackFloor("runs") > 0, () -> "nothing acknowledged: " + consumer("runs"));
            Thread.sleep(200); // time for a further acknowledgement to show
            assertEquals(64, ackFloor("runs"), "one acknowledgement after 64 messages, none after each");
            assertEquals(200 - 64, consumer("runs").getNumAckPending());

            Thread closer = new Thread(session::close, "closer");
            closer.start();
            // close() waits for the consumer thread once it told it to stop: the held delivery is
            // then the last.
            NatsRelayTests.await(() -> closer.getState() == Thread.State.TIMED_WAITING, closer::toString);
            receiver.release(100);
            closer.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(closer.isAlive(), "close() did not return");
            assertEquals(100, ackFloor("runs"), "the last message delivered is acknowledged when close() returns");
            assertEquals(100, consumer("runs").getNumAckPending());
            assertEquals(LongStream.rangeClosed(1, 100).mapToObj(n -> "r-" + n).collect(Collectors.toList()),
                    receiver.ids());
        } finally {
            session.close();
        }
    }

    /**
     * A message whose delivery takes longer than the pull's heartbeat (1 s) is acknowledged when
     * its delivery returns, though heartbeats came meanwhile and wait behind it in the inbox; not
     * only when the next message comes, or when the server sends it again after the ack wait.
     */
    @Test
    void aDeliverySlowerThanTheHeartbeatIsAcknowledgedWhenItReturns() throws Exception {
        Receiver receiver = new Receiver("slow").holding(1);
        try (TransportSession session = NatsRelay.server(server.url()).withAckWait(Duration.ofMinutes(1))
                .open(receiver)) {
            publish("slow", 1);
            receiver.awaitDelivery(1);
            Thread.sleep(2_500); // two heartbeats or more
            receiver.release(1);
            NatsRelayTests.await(() -> ackFloor("slow") == 1, () -> "not acknowledged: " + consumer("slow"));
            assertEquals(0, consumer("slow").getNumAckPending());
            assertEquals(0, consumer("slow").getRedelivered());
        }
    }

    private static void publish(String application, long n) throws Exception {
        NatsRelayTests.publish(server.hand(), application, NatsRelayTests.headers("1", "ping", "other", "r-" + n),
                NatsRelayTests.kwargs(n));
    }

    private static ConsumerInfo consumer(String application) {
        try {
            return server.hand().jetStreamManagement().getConsumerInfo("signals-" + application, "me");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long ackFloor(String application) {
        return consumer(application).getAckFloor().getStreamSequence();
    }

    private static ConsumerInfo consumer() {
        try {
            return server.hand().jetStreamManagement().getConsumerInfo("signals-acks", "me");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long ackFloor() {
        return consumer().getAckFloor().getStreamSequence();
    }
}
