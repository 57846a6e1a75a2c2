package signals.core;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A receiver's {@link InterruptedException} is caught, but the sending thread stays interrupted. */
class InterruptTests {

    private final Signal<String> signal = Signal.of("interrupting", String.class);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aBlockingSendKeepsTheThreadInterrupted() {
        InterruptedException interrupted = new InterruptedException("stop");
        signal.connect((s, sender, text) -> {
            throw interrupted;
        });

        ReceiverException failure = assertThrows(ReceiverException.class, () -> signal.fire("x", "x"));

        assertSame(interrupted, failure.getCause());
        assertTrue(Thread.interrupted(), "the interrupt was lost");
        assertThrows(ReceiverException.class, () -> signal.send("x", "x"));
        assertTrue(Thread.interrupted(), "the interrupt was lost by send");
    }

    @Test
    void aRobustSendKeepsTheThreadInterrupted() {
        signal.connect((s, sender, text) -> {
            throw new InterruptedException("stop");
        });

        List<Reply> replies = signal.sendRobust("x", "x");

        assertTrue(replies.get(0).exception() instanceof InterruptedException);
        assertTrue(Thread.interrupted(), "the interrupt was lost");
    }

    @Test
    void anAsynchronousSendKeepsItsExecutorThreadInterrupted() {
        signal.connect((s, sender, text) -> {
            throw new InterruptedException("stop");
        });

        // Runs the send in this thread, so that its interrupt status is the executor thread's.
        List<Reply> replies = signal.sendRobustAsync("x", "x", Runnable::run).join();

        assertTrue(replies.get(0).exception() instanceof InterruptedException);
        assertTrue(Thread.interrupted(), "the executor thread's interrupt was lost");
    }
}
