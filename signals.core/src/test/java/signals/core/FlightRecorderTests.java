package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.name;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the events {@code signals.Send} and {@code signals.Receiver}, recorded with a real
 * {@link Recording} and read back from its file.
 */
class FlightRecorderTests {

    private static final String LAMBDA = "lambda in " + FlightRecorderTests.class.getName();

    private static final Set<String> OURS = Set.of("order_placed", "slow_signal");

    private final Signal<String> signal = Signal.of("order_placed", String.class);

    @TempDir
    Path dir;

    @Test
    void aSendAndEachReceiverAreRecordedWithTheirFields() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        signal.connect((s, sender, order) -> calls.incrementAndGet(), name("kitchen.announce"));
        signal.connect((s, sender, order) -> calls.incrementAndGet());

        List<RecordedEvent> events = record(Map.of(), () -> signal.fire("checkout", "margherita"));

        assertEquals(2, calls.get());
        RecordedEvent send = only(events, "signals.Send");
        assertEquals("order_placed", send.getString("signal"));
        assertEquals("checkout", send.getString("sender"));
        assertEquals(2, send.getInt("receivers"));
        assertEquals(Thread.currentThread().getName(), send.getThread().getJavaName());
        List<RecordedEvent> receivers = named(events, "signals.Receiver");
        assertEquals(List.of("'kitchen.announce' (" + LAMBDA + ")", LAMBDA),
                receivers.stream().map(e -> e.getString("receiver")).toList(), "in call order");
        for (RecordedEvent receiver : receivers) {
            assertEquals("order_placed", receiver.getString("signal"));
            assertFalse(receiver.getBoolean("threw"));
            assertNull(receiver.getString("exception"));
            assertEquals(Thread.currentThread().getName(), receiver.getThread().getJavaName());
        }
    }

    @Test
    void aReceiverThatThrowsIsRecordedAsThrownAndEndsTheSendEvent() throws IOException {
        signal.connect((s, sender, order) -> { }, name("first"));
        signal.connect((s, sender, order) -> {
            throw new IllegalStateException("oven cold");
        }, name("oven"));
        signal.connect((s, sender, order) -> { }, name("never called"));

        List<RecordedEvent> events = record(Map.of(), () -> assertThrows(IllegalStateException.class,
                () -> signal.fire(FlightRecorderTests.class, "margherita")));

        RecordedEvent send = only(events, "signals.Send");
        assertEquals(FlightRecorderTests.class.getName(), send.getString("sender"), "a class sender by its name");
        assertEquals(2, send.getInt("receivers"), "the failing receiver counts, the one after it was not called");
        RecordedEvent oven = named(events, "signals.Receiver").get(1);
        assertEquals("'oven' (" + LAMBDA + ")", oven.getString("receiver"));
        assertTrue(oven.getBoolean("threw"));
        assertEquals(IllegalStateException.class.getName(), oven.getString("exception"));
        assertEquals(2, named(events, "signals.Receiver").size());
    }

    @Test
    void aCheckedExceptionIsRecordedAsItselfNotItsWrapper() throws IOException {
        signal.connect((s, sender, order) -> {
            throw new IOException("disk full");
        });

        List<RecordedEvent> events = record(Map.of(), () -> assertThrows(ReceiverException.class,
                () -> signal.fire("checkout", "margherita")));

        assertEquals(IOException.class.getName(), only(events, "signals.Receiver").getString("exception"));
    }

    @Test
    void sendRobustRecordsEveryReceiverAndTheFailingOne() throws IOException {
        signal.connect((s, sender, order) -> {
            throw new IllegalStateException("oven cold");
        });
        signal.connect((s, sender, order) -> { }, name("after"));

        List<RecordedEvent> events = record(Map.of(), () -> {
            List<Reply> replies = signal.sendRobust("checkout", "margherita");
            assertEquals(2, replies.size());
        });

        assertEquals(2, only(events, "signals.Send").getInt("receivers"));
        List<RecordedEvent> receivers = named(events, "signals.Receiver");
        assertEquals(List.of(true, false), receivers.stream().map(e -> e.getBoolean("threw")).toList());
    }

    @Test
    void sendTimesAResponderUntilItsStageCompletes() throws IOException {
        signal.connectResponder((s, sender, order) -> CompletableFuture.supplyAsync(() -> "baked"));

        List<RecordedEvent> events = record(Map.of(), () ->
                assertEquals("baked", signal.send("checkout", "margherita").get(0).value()));

        assertEquals(1, only(events, "signals.Send").getInt("receivers"));
        assertFalse(only(events, "signals.Receiver").getBoolean("threw"));
    }

    @Test
    void anAsynchronousSendIsRecordedUntilItsLastReplyCompleted() throws IOException {
        CompletableFuture<String> oven = new CompletableFuture<>();
        signal.connect((s, sender, order) -> { }, name("ticket"));
        signal.connectResponder((s, sender, order) -> {
            // Completed 150 ms after the call, so both events last at least that long.
            CompletableFuture.delayedExecutor(150, java.util.concurrent.TimeUnit.MILLISECONDS)
                    .execute(() -> oven.complete("baked"));
            return oven;
        }, name("oven"));

        List<RecordedEvent> events = record(Map.of(), () ->
                assertEquals("baked", signal.sendAsync("checkout", "margherita").join().get(1).value()));

        RecordedEvent send = only(events, "signals.Send");
        assertTrue(send.getBoolean("asynchronous"));
        assertEquals(2, send.getInt("receivers"));
        assertTrue(send.getDuration().compareTo(Duration.ofMillis(150)) >= 0, send.getDuration()::toString);
        List<RecordedEvent> receivers = named(events, "signals.Receiver");
        assertEquals(Set.of("'ticket' (" + LAMBDA + ")", "'oven' (" + LAMBDA + ")"),
                Set.copyOf(receivers.stream().map(e -> e.getString("receiver")).toList()));
        RecordedEvent slow = receivers.stream().filter(e -> e.getString("receiver").startsWith("'oven'"))
                .findFirst().orElseThrow();
        assertTrue(slow.getDuration().compareTo(Duration.ofMillis(150)) >= 0,
                "the responder's time runs until its stage completed: " + slow.getDuration());
        assertFalse(slow.getBoolean("threw"));
    }

    @Test
    void aFailedStageOfARobustAsynchronousSendIsRecordedAsItsCause() throws IOException {
        signal.connectResponder((s, sender, order) -> CompletableFuture.supplyAsync(() -> {
            throw new IllegalStateException("oven cold");
        }), name("oven"));
        signal.connect((s, sender, order) -> {
            throw new IOException("printer jammed");
        }, name("printer"));

        List<RecordedEvent> events;
        try (LogCapture ignored = LogCapture.start()) {
            events = record(Map.of(), () -> {
                List<Reply> replies = signal.sendRobustAsync("checkout", "margherita").join();
                assertTrue(replies.get(0).failed() && replies.get(1).failed());
            });
        }

        assertEquals(2, only(events, "signals.Send").getInt("receivers"));
        Map<String, String> thrown = new HashMap<>();
        for (RecordedEvent receiver : named(events, "signals.Receiver")) {
            assertTrue(receiver.getBoolean("threw"));
            thrown.put(receiver.getString("receiver"), receiver.getString("exception"));
        }
        assertEquals(Map.of("'oven' (" + LAMBDA + ")", IllegalStateException.class.getName(),
                "'printer' (" + LAMBDA + ")", IOException.class.getName()), thrown);
    }

    @Test
    void aBlockingSendIsNotMarkedAsynchronous() throws IOException {
        signal.connect((s, sender, order) -> { });

        List<RecordedEvent> events = record(Map.of(), () -> signal.fire("checkout", "margherita"));

        assertFalse(only(events, "signals.Send").getBoolean("asynchronous"));
    }

    @Test
    void withAThresholdOnlySlowSendsAndReceiversAreRecorded() throws IOException {
        Signal<String> slow = Signal.of("slow_signal", String.class);
        slow.connect((s, sender, order) -> Thread.sleep(250), name("slow.receiver"));
        signal.connect((s, sender, order) -> { }, name("fast.receiver"));

        List<RecordedEvent> events = record(Map.of("signals.Send#threshold", "200 ms",
                "signals.Receiver#threshold", "200 ms"), () -> {
                    for (int i = 0; i < 1000; i++) {
                        signal.fire("checkout", "margherita");
                    }
                    slow.fire("checkout", "calzone");
                });

        RecordedEvent send = only(events, "signals.Send");
        assertEquals("slow_signal", send.getString("signal"));
        RecordedEvent receiver = only(events, "signals.Receiver");
        assertEquals("'slow.receiver' (" + LAMBDA + ")", receiver.getString("receiver"));
        assertTrue(receiver.getDuration().compareTo(Duration.ofMillis(250)) >= 0, receiver.getDuration()::toString);
    }

    @Test
    void eventsAreOffUnlessARecordingEnablesThem() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        signal.connect((s, sender, order) -> {
            calls.incrementAndGet();
            Thread.sleep(20);
        });

        Path file = dir.resolve("default.jfr");
        try (Recording recording = new Recording(Configuration.getConfiguration("default"))) {
            recording.start();
            signal.fire("checkout", "margherita");
            signal.send("checkout", "margherita");
            recording.stop();
            recording.dump(file);
        }

        assertEquals(2, calls.get(), "a recording that leaves the events off still calls every receiver");
        assertTrue(RecordingFile.readAllEvents(file).stream()
                .noneMatch(e -> e.getEventType().getName().startsWith("signals.")));
    }

    /** Runs the action in a recording of both events, at threshold 0 unless the settings say otherwise. */
    private List<RecordedEvent> record(Map<String, String> settings, Runnable action) throws IOException {
        Path file = dir.resolve("signals.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("signals.Send").withThreshold(Duration.ZERO);
            recording.enable("signals.Receiver").withThreshold(Duration.ZERO);
            recording.setSettings(merged(recording.getSettings(), settings));
            recording.start();
            action.run();
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().startsWith("signals."))
                .filter(e -> OURS.contains(e.getString("signal"))) // not other tests' sends
                .toList();
    }

    private static Map<String, String> merged(Map<String, String> base, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(base);
        all.putAll(overrides);
        return all;
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }

    private static RecordedEvent only(List<RecordedEvent> events, String name) {
        List<RecordedEvent> matching = named(events, name);
        assertEquals(1, matching.size(), () -> name + " events: " + matching);
        return matching.get(0);
    }
}
