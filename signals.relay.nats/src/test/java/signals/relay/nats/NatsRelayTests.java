package signals.relay.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Options;
import io.nats.client.impl.Headers;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.core.Inventory;
import signals.core.Kwargs;
import signals.core.Signal;
import signals.core.Signals;
import signals.relay.Relay;
import signals.relay.RelayCodec;
import signals.relay.RelayState;
import signals.relay.Remote;
import signals.relay.testkit.LogCapture;

/** One relay in this JVM against a private NATS server, with messages published by hand. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NatsRelayTests {

    static final Signal<Kwargs> PING = Signal.withArguments("ping", "n");
    static final Signal<String> BIG = Signal.of("big", String.class);

    @RegisterExtension
    static final NatsServer server = new NatsServer();

    @Test
    void malformedMessagesAreLoggedCountedAndSkippedAndNeverReachAReceiver() throws Exception {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        try (LogCapture log = LogCapture.messages("signals.relay");
             var connection = PING.connect((signal, sender, ping) -> heard.add(sender + " " + ping));
             Relay relay = start("bad", "me")) {
            publish("bad", headers("1", "ping", "other", "x-1"), kwargs(1));
            Headers withoutVersion = headers("1", "ping", "other", "x-2");
            withoutVersion.remove("Signals-Version");
            publish("bad", withoutVersion, kwargs(2));
            publish("bad", headers("2", "ping", "other", "x-3"), kwargs(3));
            publish("bad", headers("one", "ping", "other", "x-4"), kwargs(4));
            publish("bad", headers("1", "nope", "other", "x-5"), kwargs(5));
            publish("bad", headers("1", "ping", "other", "x-6"), new byte[] {1, 0, 0});
            publish("bad", headers("1", "ping", "other", "x-7").put("Signals-Sent-At", "yesterday"), kwargs(7));
            Headers withoutId = headers("1", "ping", "other", "x-8");
            withoutId.remove("Signals-Id");
            publish("bad", withoutId, kwargs(8));
            publish("bad", headers("1", "ping", "other", "x-9"),
                    RelayCodec.kwargs().encode(Kwargs.of("m", 9L)));
            publish("bad", headers("1", "ping", "me", "x-10"), kwargs(10));
            publish("bad", headers("1", "ping", "other", "x-11"), kwargs(11));
            publish("bad", headers("1", "ping", "other", "x-11"), kwargs(11));
            await(() -> relay.state().received() == 2, () -> "received " + relay.state());
            await(() -> relay.state().behind() == 0, () -> "behind " + relay.state());

            assertEquals(List.of("Remote[instanceId=other, sender=by hand, id=x-1, sentAt=2026-12-07T00:00:00Z] {'n': 1}",
                    "Remote[instanceId=other, sender=by hand, id=x-11, sentAt=2026-12-07T00:00:00Z] {'n': 11}"), heard);
            RelayState state = relay.state();
            assertEquals(8, state.skipped(), state.toString());
            assertEquals(0, state.duplicates(), "the id repeated within the broker's window is stored once");
            String logged = String.join("\n", log.lines());
            for (String reason : List.of("x-2 from instance other: no Signals-Version header",
                    "x-3 from instance other: wire version 2, from a newer release",
                    "x-4 from instance other: unreadable Signals-Version 'one'",
                    "x-5 from instance other: signal 'nope' is not relayed by this instance",
                    "x-6 from instance other: the codec of signal 'ping' cannot read its 3 bytes",
                    "x-7 from instance other: unreadable Signals-Sent-At 'yesterday'",
                    "without id from instance other: no Signals-Id header",
                    "x-9 from instance other: its payload does not fit signal 'ping'")) {
                assertTrue(logged.contains("relay bad/me skipped message " + reason),
                        () -> reason + " not in\n" + logged);
            }
        }
    }

    @Test
    void aRemoteSendIsDeliveredWithItsOriginAndNeverRelayedAgain() throws Exception {
        List<Object> senders = Collections.synchronizedList(new ArrayList<>());
        try (var connection = PING.connect((signal, sender, ping) -> senders.add(sender));
             Relay relay = start("echo", "me")) {
            publish("echo", headers("1", "ping", "other", "e-1"), kwargs(1));
            await(() -> relay.state().received() == 1, relay::toString);
            PING.send("local", Kwargs.of("n", 2L));
            await(() -> relay.state().relayed() == 1, relay::toString);
            Thread.sleep(300);
            assertEquals(2, messages("echo"), "the hand's message and the local send, nothing echoed");
            assertEquals(List.of(new Remote("other", "by hand", "e-1", Instant.parse("2026-12-07T00:00:00Z")), "local"),
                    senders);
            assertEquals(0, relay.state().received() - 1, "its own send did not come back: " + relay.state());
        }
    }

    @Test
    void aSendTooLargeForTheServerFailsNamingTheSignalAndIsNotRelayed() throws Exception {
        try (Relay relay = Relay.builder("big").instanceId("me").relay(BIG, new Utf8())
                .transport(NatsRelay.server(server.url())).start()) {
            String huge = "x".repeat(1_100_000);
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> BIG.send("s", huge));
            assertTrue(failure.getMessage().startsWith("signal 'big' was not relayed: its message is "),
                    failure.getMessage());
            assertTrue(failure.getMessage().contains("over the limit of 1048320 bytes of NATS JetStream " + server.url()),
                    failure.getMessage());
            BIG.send("s", "small");
            await(() -> relay.state().relayed() == 1, relay::toString);
            assertEquals(1, relay.state().dropped());
            assertEquals(1, messages("big"));
        }
    }

    @Test
    void aMessageJustUnderTheLimitReachesTheOtherInstance() throws Exception {
        Signal<String> bigThere = Signal.of("big", String.class);
        List<Integer> lengths = Collections.synchronizedList(new ArrayList<>());
        try (var connection = bigThere.connect(Remote.only((signal, remote, text) -> lengths.add(text.length())));
             Relay here = Relay.builder("edge").instanceId("me").relay(BIG, new Utf8())
                     .transport(NatsRelay.server(server.url())).start();
             Relay there = Relay.builder("edge").instanceId("there").relay(bigThere, new Utf8())
                     .transport(NatsRelay.server(server.url())).start()) {
            // The same headers as the send's, with the longest time stamp: the send is 10 to 13
            // bytes under the limit, closer than the 60-odd bytes of NATS's own headers.
            java.util.Map<String, String> sample = new java.util.LinkedHashMap<>();
            sample.put("Signals-Version", "1");
            sample.put("Signals-Signal", "big");
            sample.put("Signals-Instance", "me");
            sample.put("Signals-Id", "me-" + Long.toString(System.currentTimeMillis(), 36) + "-1");
            sample.put("Signals-Sender", "s");
            sample.put("Signals-Sent-At", "2026-12-07T03:25:16.123456789Z");
            int body = 1_048_320 - signals.relay.spi.WireMessage.of(sample, new byte[0]).size() - 10;
            BIG.send("s", "x".repeat(body));
            await(() -> there.state().received() == 1, there::toString);
            assertEquals(List.of(body), lengths);
            assertEquals(0, there.state().skipped());
        }
    }

    @Test
    void aDeliveredMessageIsAcknowledgedAndNotDeliveredAgainAfterARestart() throws Exception {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        try (var connection = PING.connect((signal, sender, ping) -> heard.add(String.valueOf(ping)))) {
            try (Relay first = start("acks", "me")) {
                publish("acks", headers("1", "ping", "other", "k-1"), kwargs(1));
                await(() -> first.state().received() == 1, first::toString);
                Thread.sleep(200); // the acknowledgement is on its way
            }
            Thread.sleep(2_500); // longer than the ack wait: an unacknowledged message would come again
            try (Relay second = start("acks", "me")) {
                publish("acks", headers("1", "ping", "other", "k-2"), kwargs(2));
                await(() -> second.state().received() == 1, second::toString);
                Thread.sleep(300);
                assertEquals(1, second.state().received(), second::toString);
                assertEquals(0, second.state().duplicates(), second::toString);
            }
        }
        assertEquals(List.of("{'n': 1}", "{'n': 2}"), heard);
    }

    @Test
    void aThousandSendsArriveInOrder() throws Exception {
        Signal<Kwargs> there = Signal.withArguments("ping", "n");
        List<Long> numbers = Collections.synchronizedList(new ArrayList<>());
        try (var connection = there.connect(Remote.only((signal, remote, ping) -> numbers.add(ping.get("n", Long.class))));
             Relay here = Relay.builder("window").instanceId("me").relay(PING, RelayCodec.kwargs())
                     .transport(NatsRelay.server(server.url())).start();
             Relay away = Relay.builder("window").instanceId("there").relay(there, RelayCodec.kwargs())
                     .transport(NatsRelay.server(server.url())).start()) {
            for (long n = 1; n <= 1_000; n++) {
                PING.send("s", Kwargs.of("n", n));
            }
            await(() -> away.state().received() == 1_000, away::toString);
            for (int i = 0; i < 1_000; i++) {
                assertEquals(i + 1, numbers.get(i));
            }
            assertEquals(1_000, here.state().relayed());
        }
    }

    @Test
    void closeLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Relay relay = start("threads", "me");
        PING.send("local", Kwargs.of("n", 1L));
        await(() -> relay.state().relayed() == 1, relay::toString);
        assertTrue(threadsSince(before).stream().anyMatch(name -> name.startsWith("signals-relay-nats threads/me")),
                () -> "running: " + threadsSince(before));
        // A relay never closed must not keep the JVM alive.
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("signals-relay-nats threads/me")).allMatch(Thread::isDaemon));
        relay.close();
        relay.close();
        await(() -> threadsSince(before).isEmpty(), () -> "left running: " + threadsSince(before));
    }

    @Test
    void theInventoryShowsEachRunningRelayWithItsCounts() throws Exception {
        try (Relay relay = start("inventory", "me")) {
            assertEquals("Relay: relay inventory/me over NATS JetStream " + server.url() + ", signals [ping]: relayed 0,"
                    + " waiting 0, dropped 0, received 0, duplicates 0, skipped 0, behind unknown", relayHost());
            PING.send("local", Kwargs.of("n", 1L));
            await(() -> relay.state().behind() == 0, relay::toString); // its own send came back, and was dropped
            assertEquals("Relay: relay inventory/me over NATS JetStream " + server.url() + ", signals [ping]: relayed 1,"
                    + " waiting 0, dropped 0, received 0, duplicates 0, skipped 0, behind 0", relayHost());
        }
        assertEquals("Relay: no relay running", relayHost());
    }

    @Test
    void withoutATransportTheRelayUsesTheInstalledOneAndItsSystemProperty() throws Exception {
        System.setProperty(NatsRelay.URL_PROPERTY, server.url());
        try (Relay relay = Relay.builder("found").instanceId("me").relay(PING, RelayCodec.kwargs()).start()) {
            assertTrue(relay.toString().startsWith("relay found/me over NATS JetStream " + server.url()), relay::toString);
            PING.send("local", Kwargs.of("n", 1L));
            await(() -> relay.state().relayed() == 1, relay::toString);
        } finally {
            System.clearProperty(NatsRelay.URL_PROPERTY);
        }
        assertEquals(NatsRelay.DEFAULT_URL, NatsRelay.fromEnvironment().url().equals(System.getenv("NATS_URL"))
                ? NatsRelay.DEFAULT_URL : NatsRelay.fromEnvironment().url());
    }

    @Test
    void anUnreachableServerFailsTheStartNamingIt() {
        UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> Relay.builder("down")
                .instanceId("me").relay(PING, RelayCodec.kwargs())
                .transport(NatsRelay.server("nats://127.0.0.1:1")).start());
        assertTrue(failure.getMessage().startsWith("relay down/me cannot start: NATS JetStream nats://127.0.0.1:1: "),
                failure.getMessage());
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().contains("down/me")));
    }

    /** The stream takes the new retention, and the consumer its settings and the position it had. */
    @Test
    void aRelayStartedWithAnotherRetentionUpdatesTheStreamAndKeepsThePosition() throws Exception {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        try (LogCapture log = LogCapture.messages("signals.relay");
             var connection = PING.connect((signal, sender, ping) -> heard.add(String.valueOf(ping)))) {
            try (Relay relay = Relay.builder("keep").instanceId("me").relay(PING, RelayCodec.kwargs())
                    .retention(Duration.ofHours(1)).transport(NatsRelay.server(server.url())).start()) {
                assertEquals(Duration.ofHours(1), management().getStreamInfo("signals-keep").getConfiguration()
                        .getMaxAge());
                publish("keep", headers("1", "ping", "other", "k-1"), kwargs(1));
                await(() -> relay.state().received() == 1, relay::toString);
            }
            publish("keep", headers("1", "ping", "other", "k-2"), kwargs(2));
            try (Relay relay = Relay.builder("keep").instanceId("me").relay(PING, RelayCodec.kwargs())
                    .retention(Duration.ofHours(3))
                    .transport(NatsRelay.server(server.url()).withAckWait(Duration.ofSeconds(7))).start()) {
                JetStreamManagement management = management();
                assertEquals(Duration.ofHours(3), management.getStreamInfo("signals-keep").getConfiguration()
                        .getMaxAge());
                var consumer = management.getConsumerInfo("signals-keep", "me").getConsumerConfiguration();
                assertEquals(Duration.ofSeconds(7), consumer.getAckWait());
                assertEquals(Duration.ofHours(6), consumer.getInactiveThreshold());
                assertEquals(Duration.ofMinutes(2), management.getStreamInfo("signals-keep").getConfiguration()
                        .getDuplicateWindow());
                await(() -> relay.state().received() == 1, relay::toString);
                Thread.sleep(200);
                assertEquals(List.of("{'n': 1}", "{'n': 2}"), heard, "what was sent while it was away, once");
            }
            List<String> logged = log.lines();
            assertTrue(logged.contains("relay keep/me changes the retention of stream signals-keep from PT1H to PT3H"),
                    logged::toString);
        }
    }

    @Test
    void theApplicationsOwnOptionsAreUsedAsTheyAre() throws Exception {
        Options options = new Options.Builder().server(server.url()).connectionName("mine").build();
        NatsRelay transport = NatsRelay.withOptions(options);
        assertEquals(server.url(), transport.url());
        try (Relay relay = Relay.builder("own").instanceId("me").relay(PING, RelayCodec.kwargs())
                .transport(transport).start()) {
            PING.send("local", Kwargs.of("n", 1L));
            await(() -> relay.state().relayed() == 1, relay::toString);
        }
    }

    @Test
    void optionsAreChecked() {
        assertThrows(NullPointerException.class, () -> NatsRelay.server(null));
        assertEquals("the NATS server URL is blank",
                assertThrows(IllegalArgumentException.class, () -> NatsRelay.server(" ")).getMessage());
        assertThrows(NullPointerException.class, () -> NatsRelay.withOptions(null));
        NatsRelay transport = NatsRelay.server(" nats://h:1 ");
        assertEquals("nats://h:1", transport.url());
        assertEquals("NATS JetStream nats://h:1", transport.toString());
        assertEquals(Duration.ofSeconds(30), transport.ackWait());
        NatsRelay changed = transport.withAckWait(Duration.ofSeconds(1));
        assertNotSame(transport, changed);
        assertEquals(Duration.ofSeconds(1), changed.ackWait());
        assertEquals(Duration.ofSeconds(30), transport.ackWait());
        assertEquals("ackWait must be at least one second, not PT0.999S", assertThrows(IllegalArgumentException.class,
                () -> transport.withAckWait(Duration.ofMillis(999))).getMessage());
        assertThrows(NullPointerException.class, () -> transport.withAckWait(null));
        assertThrows(NullPointerException.class, () -> transport.open(null));

        // jnats must never resume a connection itself: the session replaces it (see NatsSession).
        signals.relay.spi.TransportContext context = new Receiver("app");
        Options own = transport.optionsFor(context);
        assertEquals(0, own.getMaxReconnect());
        assertEquals("signals-relay app/me", own.getConnectionName());
        assertEquals(Duration.ofSeconds(2), own.getConnectionTimeout());
        Options theirs = NatsRelay.withOptions(new Options.Builder().server("nats://h:1").connectionName("mine")
                .maxReconnects(-1).build()).optionsFor(context);
        assertEquals(0, theirs.getMaxReconnect());
        assertEquals("mine", theirs.getConnectionName());
    }

    private static Relay start(String application, String instance) {
        return Relay.builder(application).instanceId(instance).relay(PING, RelayCodec.kwargs())
                .transport(NatsRelay.server(server.url()).withAckWait(Duration.ofSeconds(2))).start();
    }

    private static String relayHost() {
        return Signals.inventory().adapters().stream()
                .filter(adapter -> adapter.type().startsWith("signals.relay.internal.RelayAdapter"))
                .map(Inventory.Adapter::host).findFirst().orElseThrow();
    }

    static Set<String> threadsSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName).collect(Collectors.toCollection(HashSet::new));
    }

    private static JetStreamManagement management() throws Exception {
        return server.hand().jetStreamManagement();
    }

    private static long messages(String application) throws Exception {
        return management().getStreamInfo("signals-" + application).getStreamState().getMsgCount();
    }

    static Headers headers(String version, String signal, String instance, String id) {
        return new Headers().put("Signals-Version", version).put("Signals-Signal", signal)
                .put("Signals-Instance", instance).put("Signals-Id", id).put("Signals-Sender", "by hand")
                .put("Signals-Sent-At", "2026-12-07T00:00:00Z");
    }

    static byte[] kwargs(long n) throws Exception {
        return RelayCodec.kwargs().encode(Kwargs.of("n", n));
    }

    static void publish(String application, Headers headers, byte[] body) throws Exception {
        publish(server.hand(), application, headers, body);
    }

    static void publish(Connection connection, String application, Headers headers, byte[] body) throws Exception {
        String id = headers.getFirst("Signals-Id");
        io.nats.client.PublishOptions options = id == null ? null
                : io.nats.client.PublishOptions.builder().messageId(id).build();
        connection.jetStream().publish("signals.relay." + application, headers, body, options);
    }

    static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(20);
        }
    }

    /** A codec for strings as UTF-8. */
    static final class Utf8 implements RelayCodec<String> {
        @Override
        public byte[] encode(String payload) {
            return payload.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
