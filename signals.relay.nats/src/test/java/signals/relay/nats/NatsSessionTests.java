package signals.relay.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.relay.spi.TransportContext;
import signals.relay.spi.TransportSession;
import signals.relay.spi.WireMessage;

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

    private static TransportContext context(String application) {
        return new TransportContext() {
            @Override
            public String application() {
                return application;
            }

            @Override
            public String instanceId() {
                return "me";
            }

            @Override
            public Duration retention() {
                return Duration.ofMinutes(10);
            }

            @Override
            public void deliver(WireMessage message) {
                // nothing is sent by other instances here
            }
        };
    }

    private static WireMessage message(String id) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(WireMessage.ID_HEADER, id);
        headers.put(WireMessage.INSTANCE_HEADER, "me");
        return WireMessage.of(headers, new byte[] {1, 2, 3});
    }
}
