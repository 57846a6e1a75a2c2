package signals.relay.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nats.client.api.ConsumerInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.core.Kwargs;
import signals.relay.Relay;
import signals.relay.RelayCodec;
import signals.relay.Remote;

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
