package signals.relay.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import signals.core.Kwargs;
import signals.core.Signal;
import signals.relay.Relay;
import signals.relay.RelayCodec;
import signals.relay.Remote;
import signals.relay.testkit.LogCapture;

/**
 * What happens to a relay in this JVM when the server restarts, hangs, or loses its stream or
 * the instance's consumer: every send still arrives once and in order. Run on the module path
 * only (the class-path run repeats {@link NatsRelayTests}): they take most of their time waiting.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NatsOutageTests {

    static final Signal<Kwargs> PING = NatsRelayTests.PING;

    @RegisterExtension
    static final NatsServer server = new NatsServer();

    private final List<Long> heard = Collections.synchronizedList(new ArrayList<>());
    @RegisterExtension
    final LogCapture log = LogCapture.messages("signals.relay");

    /**
     * Stopped politely or killed, the server comes back on the same storage: every send reaches
     * the other instance exactly once and in order, and the stream holds them in order.
     */
    @ParameterizedTest(name = "killed: {0}")
    @ValueSource(booleans = {false, true})
    void sendsAcrossAServerRestartArriveOnceAndInOrder(boolean killed) throws Exception {
        String application = killed ? "killed" : "restart";
        Signal<Kwargs> there = Signal.withArguments("ping", "n");
        try (var connection = there.connect(Remote.only((signal, remote, ping) -> heard.add(ping.get("n", Long.class))));
             Relay here = relay(application, "me", PING);
             Relay away = relay(application, "there", there)) {
            send(1, 200);
            server.closeHand();
            if (killed) {
                server.kill();
            } else {
                server.stop();
            }
            send(201, 300);
            Thread.sleep(500);
            server.launch();
            await(() -> heard.size() >= 300 && here.state().waiting() == 0, () -> here + " / " + away);
            Thread.sleep(200); // time for a repeat to show
            assertEquals(numbers(1, 300), heard);
            assertEquals(300, here.state().relayed());
            assertEquals(0, here.state().dropped());
            assertEquals(List.of(), server.storedOutOfOrder(application));
            assertLogged("relay " + application + "/me lost its connection to " + server.url());
            assertLogged("relay " + application + "/there connected again to " + server.url());
        }
    }

    /** A server that stops answering (SIGSTOP) is left, and rejoined when it answers again. */
    @Test
    void aServerThatHangsIsLeftAndRejoined() throws Exception {
        Signal<Kwargs> there = Signal.withArguments("ping", "n");
        try (var connection = there.connect(Remote.only((signal, remote, ping) -> heard.add(ping.get("n", Long.class))));
             Relay here = relay("hang", "me", PING);
             Relay away = relay("hang", "there", there)) {
            send(1, 50);
            await(() -> heard.size() == 50, away::toString);
            server.signal("STOP");
            try {
                send(51, 100);
                // Its pulls fall silent: the relay leaves the connection (its publishes fail
                // with it) and tries new ones, which time out until the server wakes up.
                await(() -> log.lines().stream().anyMatch(line -> line.startsWith(
                        "relay hang/me lost its connection to " + server.url())), log.lines()::toString);
            } finally {
                server.signal("CONT");
            }
            await(() -> heard.size() >= 100 && here.state().waiting() == 0, () -> here + " / " + away);
            Thread.sleep(200);
            assertEquals(numbers(1, 100), heard);
            assertEquals(List.of(), server.storedOutOfOrder("hang"));
            assertLogged("relay hang/me connected again to " + server.url());
        }
    }

    /** A stream deleted under the relays is created again and read from its start. */
    @Test
    void aStreamDeletedUnderTheRelaysIsCreatedAgainAndReadFromItsStart() throws Exception {
        Signal<Kwargs> there = Signal.withArguments("ping", "n");
        try (var connection = there.connect(Remote.only((signal, remote, ping) -> heard.add(ping.get("n", Long.class))));
             Relay here = relay("gone", "me", PING);
             Relay away = relay("gone", "there", there)) {
            send(1, 50);
            await(() -> heard.size() == 50, away::toString);
            management().deleteStream("signals-gone");
            send(51, 100);
            await(() -> heard.size() >= 100 && here.state().waiting() == 0, () -> here + " / " + away);
            Thread.sleep(200);
            assertEquals(numbers(1, 100), heard);
            assertEquals(List.of(), server.storedOutOfOrder("gone"));
            assertLogged("relay gone/there: stream signals-gone was created again; reading it from its start");
            assertLogged("relay gone/there lost its connection to " + server.url()
                    + " (io.nats.client.JetStreamApiException: stream not found [10059]); connecting again");
        }
    }

    /** The instance's consumer deleted on the server is created again at the next message. */
    @Test
    void aConsumerDeletedOnTheServerIsCreatedAgainAtTheNextMessage() throws Exception {
        try (var connection = PING.connect(Remote.only((signal, remote, ping) -> heard.add(ping.get("n", Long.class))));
             Relay relay = relay("lost", "me", PING)) {
            NatsRelayTests.publish(server.hand(), "lost", NatsRelayTests.headers("1", "ping", "other", "l-1"),
                    NatsRelayTests.kwargs(1));
            await(() -> heard.size() == 1, relay::toString);
            management().deleteConsumer("signals-lost", "me");
            NatsRelayTests.publish(server.hand(), "lost", NatsRelayTests.headers("1", "ping", "other", "l-2"),
                    NatsRelayTests.kwargs(2));
            NatsRelayTests.publish(server.hand(), "lost", NatsRelayTests.headers("1", "ping", "other", "l-3"),
                    NatsRelayTests.kwargs(3));
            await(() -> heard.size() == 3, relay::toString);
            assertEquals(List.of(1L, 2L, 3L), heard);
            assertLogged("relay lost/me: the server lost consumer me; it is created again from stream sequence 2");
            assertEquals(AckPolicy.All, management().getConsumerInfo("signals-lost", "me").getConsumerConfiguration()
                    .getAckPolicy());
        }
    }

    /**
     * The consumer replaced behind the relay's back by one that starts later: the relay sees the
     * jump in stream sequences and reads again from the first missing message the stream holds;
     * a message deleted from the stream is passed over.
     */
    @Test
    void aJumpInStreamSequencesIsReadAgainFromTheFirstMissingMessage() throws Exception {
        CountDownLatch inSecond = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (var connection = PING.connect(Remote.only((signal, remote, ping) -> {
            long n = ping.get("n", Long.class);
            if (n == 2) {
                inSecond.countDown();
                try {
                    assertTrue(release.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            heard.add(n);
        }));
             Relay relay = relay("jump", "me", PING)) {
            for (long n = 1; n <= 2; n++) {
                NatsRelayTests.publish(server.hand(), "jump", NatsRelayTests.headers("1", "ping", "other", "j-" + n),
                        NatsRelayTests.kwargs(n));
            }
            assertTrue(inSecond.await(30, TimeUnit.SECONDS));
            JetStreamManagement management = management();
            management.deleteConsumer("signals-jump", "me");
            for (long n = 3; n <= 5; n++) {
                NatsRelayTests.publish(server.hand(), "jump", NatsRelayTests.headers("1", "ping", "other", "j-" + n),
                        NatsRelayTests.kwargs(n));
            }
            management.deleteMessage("signals-jump", 4);
            management.addOrUpdateConsumer("signals-jump", ConsumerConfiguration.builder().durable("me")
                    .ackPolicy(AckPolicy.All).filterSubject("signals.relay.jump")
                    .deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(5).build());
            release.countDown();
            await(() -> heard.size() == 4, relay::toString);
            Thread.sleep(200);
            assertEquals(List.of(1L, 2L, 3L, 5L), heard);
            assertLogged("relay jump/me missed messages in flight; reading again from stream sequence 3");
            assertEquals(1, log.lines().stream().filter(line -> line.contains("missed messages")).count(),
                    "the deleted message is passed over, not read again: " + log.lines());
        }
    }

    private static Relay relay(String application, String instance, Signal<Kwargs> signal) {
        return Relay.builder(application).instanceId(instance).relay(signal, RelayCodec.kwargs())
                .transport(NatsRelay.server(server.url()).withAckWait(Duration.ofSeconds(2))).start();
    }

    private static void send(long from, long to) {
        for (long n = from; n <= to; n++) {
            PING.send("s", Kwargs.of("n", n));
        }
    }

    private static List<Long> numbers(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().collect(Collectors.toList());
    }

    private void assertLogged(String start) {
        assertTrue(log.lines().stream().anyMatch(line -> line.startsWith(start)),
                () -> start + " not in " + log.lines());
    }

    private static JetStreamManagement management() throws Exception {
        return server.hand().jetStreamManagement();
    }

    private static void await(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        NatsRelayTests.await(condition, what);
    }
}
