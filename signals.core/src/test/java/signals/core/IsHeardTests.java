package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.sender;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import signals.core.spi.SendObserver;
import signals.core.spi.SignalAdapter;

/**
 * {@link SignalAdapter#isHeard}: an adapter skips the work of a send only when nobody at all, no
 * receiver for any sender and no observer, would see it.
 */
@ResourceLock("signals.core.spi.SendObserver")
class IsHeardTests {

    private final Signal<String> saved = SignalAdapter.declare("saved", String.class, "signals.core");

    @Test
    void aSignalWithoutReceiversOrObserversIsNotHeard() {
        assertFalse(SignalAdapter.isHeard(saved));
        assertFalse(SignalAdapter.isHeard(saved, "seven"));
    }

    @Test
    void aReceiverForOneSenderMakesTheSignalHeardButOnlyFromThatSender() {
        try (SignalConnection seven = saved.connect((s, sender, text) -> { }, sender("seven"))) {
            assertTrue(SignalAdapter.isHeard(saved), "some receiver listens");
            assertTrue(SignalAdapter.isHeard(saved, "seven"));
            assertFalse(SignalAdapter.isHeard(saved, "eight"));
        }
        assertFalse(SignalAdapter.isHeard(saved), "the receiver was disconnected");
    }

    @Test
    void aMutedSignalIsNotHeardByItsReceivers() {
        try (SignalConnection any = saved.connect((s, sender, text) -> { });
             Signal<String>.Mute mute = saved.mute()) {
            assertFalse(SignalAdapter.isHeard(saved));
        }
    }

    @Test
    void anInstalledObserverHearsEverySignalFromEverySender() {
        try (SendObserver.Installation recording = SendObserver.install((signal, sender, payload) -> true)) {
            assertTrue(SignalAdapter.isHeard(saved));
            assertTrue(SignalAdapter.isHeard(saved, "eight"));
        }
        assertFalse(SignalAdapter.isHeard(saved));
    }

    @Test
    void aNullSignalIsRefusedByName() {
        assertEquals("signal", assertThrows(NullPointerException.class, () -> SignalAdapter.isHeard(null)).getMessage());
        assertEquals("signal", assertThrows(NullPointerException.class,
                () -> SignalAdapter.isHeard(null, "seven")).getMessage());
    }
}
