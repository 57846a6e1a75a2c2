package signals.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import signals.core.Kwargs;
import signals.core.Signal;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class FlightRecorderTests {

    private final Signal<Kwargs> ping = Signal.withArguments("ping", "n");

    @Test
    void aSkippedMessageAndEachRelaysStateAreRecorded(@TempDir Path dir) throws Exception {
        LoopTransport loop = new LoopTransport();
        Path file = dir.resolve("relay.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("signals.RelaySkip");
            recording.enable("signals.RelayState").withPeriod(Duration.ofMillis(50));
            recording.start();
            try (Relay relay = Relay.builder("jfr").instanceId("me").relay(ping, RelayCodec.kwargs())
                    .transport(loop).start()) {
                loop.inject(Wire.write("nope", new Remote("z", "hand", "z-1", Instant.EPOCH), new byte[0]));
                RelayTests.await(() -> relay.state().skipped() == 1, relay::toString);
                ping.send("s", Kwargs.of("n", 1));
                RelayTests.await(() -> relay.state().relayed() == 1, relay::toString);
                Thread.sleep(1_500);
            }
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        RecordedEvent skip = events.stream().filter(e -> e.getEventType().getName().equals("signals.RelaySkip"))
                .findFirst().orElseThrow();
        assertEquals("jfr", skip.getString("application"));
        assertEquals("me", skip.getString("instance"));
        assertEquals("nope", skip.getString("signal"));
        assertEquals("z-1", skip.getString("messageId"));
        assertEquals("z", skip.getString("from"));
        assertEquals("signal 'nope' is not relayed by this instance (it relays [ping])", skip.getString("reason"));
        List<RecordedEvent> states = events.stream()
                .filter(e -> e.getEventType().getName().equals("signals.RelayState")).toList();
        assertTrue(states.size() >= 2, () -> "state events: " + states);
        RecordedEvent last = states.stream().filter(e -> e.getLong("relayed") == 1).findFirst()
                .orElseThrow(() -> new AssertionError("no state with relayed 1: " + states));
        assertEquals("jfr", last.getString("application"));
        assertEquals("me", last.getString("instance"));
        assertEquals(1, last.getLong("skipped"));
        assertEquals(0, last.getLong("received"));
        assertEquals(0, last.getLong("dropped"));
        assertEquals(0, last.getLong("duplicates"));
        assertEquals(0, last.getLong("waiting"));
        assertTrue(last.getLong("behind") >= 0, last::toString);
        assertTrue(Files.size(file) > 0);
    }
}
