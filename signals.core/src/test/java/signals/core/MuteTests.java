package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.sender;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Signal#mute()}: silence without disconnecting, as factory_boy's mute_signals. */
class MuteTests {

    private final Signal<String> saved = Signal.of("saved", String.class);
    private final List<String> calls = new ArrayList<>();

    @Test
    void aMutedSignalCallsNoReceiverAndSpeaksAgainOnceTheMuteIsClosed() throws Exception {
        saved.connect((s, sender, text) -> calls.add("any " + text));
        saved.connect((s, sender, text) -> calls.add("seven " + text), sender("seven"));

        try (Signal<String>.Mute mute = saved.mute()) {
            assertTrue(saved.isMuted());
            saved.fire("seven", "fire");
            assertEquals(List.of(), saved.send("seven", "send"));
            assertEquals(List.of(), saved.sendRobust("seven", "robust"));
            assertEquals(List.of(), saved.sendAsync("seven", "async").get());
            assertFalse(saved.hasListeners("seven"));
            assertEquals(2, saved.receivers().size(), "muting disconnects nothing");
        }
        saved.fire("seven", "after");

        assertFalse(saved.isMuted());
        assertEquals(List.of("any after", "seven after"), calls);
    }

    @Test
    void connectionsChangedWhileMutedCountOnceTheSignalSpeaks() {
        Receiver<String> before = (s, sender, text) -> calls.add("before");
        saved.connect(before);

        try (Signal<String>.Mute mute = saved.mute()) {
            saved.connect((s, sender, text) -> calls.add("during"));
            saved.disconnect(before);
        }
        saved.fire("x", "x");

        assertEquals(List.of("during"), calls);
    }

    @Test
    void mutesNestAndTheSignalSpeaksWhenTheLastOneCloses() {
        saved.connect((s, sender, text) -> calls.add(text));
        Signal<String>.Mute outer = saved.mute();
        Signal<String>.Mute inner = saved.mute();

        inner.close();
        inner.close();
        saved.fire("x", "still muted");
        outer.close();
        saved.fire("x", "speaks");

        assertEquals(List.of("speaks"), calls);
    }
}
