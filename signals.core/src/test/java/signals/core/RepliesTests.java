package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The list a send returns. It is a view over the send's links and values that makes each
 * {@link Reply} when asked, so these tests pin what a caller can rely on: the pairing of every
 * reply with its receiver (also when a weak owner was found gone half-way), read-only, and
 * replies that compare by content, as Django's tuples do.
 */
class RepliesTests {

    @RegisterExtension
    final HeldSweeps sweeps = new HeldSweeps();

    private final Signal<String> signal = Signal.of("replies", String.class);
    private final List<String> calls = new ArrayList<>();

    @Test
    void plainReceiversReplyNullEachPairedWithItsReceiver() {
        Receiver<String> first = (s, sender, value) -> calls.add("first");
        Receiver<String> second = (s, sender, value) -> calls.add("second");
        signal.connect(first);
        signal.connect(second);

        List<Reply> replies = signal.send("seven", "x");

        assertEquals(List.of("first", "second"), calls);
        assertEquals(2, replies.size());
        assertSame(first, replies.get(0).receiver());
        assertSame(second, replies.get(1).receiver());
        for (Reply reply : replies) {
            assertNull(reply.value());
            assertFalse(reply.failed());
        }
        assertTrue(replies instanceof RandomAccess);
    }

    @Test
    void aCheckedExceptionOfAPlainReceiverNamesThatReceiver() {
        signal.connect((s, sender, value) -> calls.add("first"));
        signal.connect((s, sender, value) -> {
            throw new IOException("disk full");
        }, ConnectOption.name("writer"));
        signal.connect((s, sender, value) -> calls.add("never"));

        ReceiverException thrown = assertThrows(ReceiverException.class, () -> signal.send("seven", "x"));

        assertTrue(thrown.getMessage().contains("writer"), thrown.getMessage());
        assertTrue(thrown.getCause() instanceof IOException);
        assertEquals(List.of("first"), calls);
    }

    @Test
    void theListIsReadOnlyAndBoundsChecked() {
        signal.connect((s, sender, value) -> { });
        signal.connectResponder((s, sender, value) -> "answer");

        for (List<Reply> replies : List.of(signal.send("seven", "x"), signal.sendRobust("seven", "x"))) {
            Reply any = replies.get(0);
            assertThrows(UnsupportedOperationException.class, () -> replies.add(any));
            assertThrows(UnsupportedOperationException.class, () -> replies.set(0, any));
            assertThrows(UnsupportedOperationException.class, () -> replies.remove(0));
            assertThrows(UnsupportedOperationException.class, replies::clear);
            assertThrows(IndexOutOfBoundsException.class, () -> replies.get(2));
            assertThrows(IndexOutOfBoundsException.class, () -> replies.get(-1));
            assertEquals(2, replies.size());
        }
    }

    @Test
    void repliesCompareByReceiverValueAndException() {
        Responder<String> answer = (s, sender, value) -> value + "!";
        signal.connectResponder(answer);

        Reply once = signal.send("seven", "x").get(0);
        Reply again = signal.send("seven", "x").get(0);
        Reply other = signal.send("seven", "y").get(0);

        assertEquals(once, again);
        assertEquals(once.hashCode(), again.hashCode());
        assertEquals("x!", once.value());
        assertNotEquals(once, other);
        assertNotEquals(once, "x!");
        assertEquals(signal.send("seven", "x"), List.copyOf(signal.send("seven", "x")));
    }

    @Test
    void repliesOfDifferentReceiversOrExceptionsDiffer() {
        Responder<String> one = (s, sender, value) -> "same";
        Responder<String> two = (s, sender, value) -> "same";
        signal.connectResponder(one);
        signal.connectResponder(two);
        List<Reply> replies = signal.send("seven", "x");
        assertNotEquals(replies.get(0), replies.get(1));

        Signal<String> failing = Signal.of("failing", String.class);
        failing.connect((s, sender, value) -> {
            throw new IllegalStateException(value);
        });
        try (LogCapture ignored = LogCapture.start()) {
            Reply first = failing.sendRobust("seven", "x").get(0);
            Reply second = failing.sendRobust("seven", "x").get(0);
            assertTrue(first.failed());
            assertNotEquals(first, second, "two exceptions, two different failures");
            assertEquals(first, first);
        }
    }

    @Test
    void aWeakOwnerGoneMidRouteLeavesTheOtherRepliesWithTheirOwnReceivers() throws InterruptedException {
        Receiver<String> before = (s, sender, value) -> calls.add("before");
        Responder<String> after = (s, sender, value) -> "after";
        signal.connect(before);
        WeakReference<Object> owner = connectShortLivedOwner();
        signal.connectResponder(after);
        assertTrue(Gc.until(() -> owner.get() == null), "the owner was not collected");
        Link[] route = signal.links().clone();
        assertEquals(3, route.length, "the sweep was not held back");

        List<Reply> replies = signal.send("seven", "x");

        assertEquals(2, replies.size());
        assertSame(before, replies.get(0).receiver());
        assertNull(replies.get(0).value());
        assertSame(after, replies.get(1).receiver());
        assertEquals("after", replies.get(1).value());
        assertEquals(List.of(route), List.of(signal.links()), "the send changed the route it read");
    }

    @Test
    void aRobustSendPairsEachFailureWithItsReceiverPastAGoneOwner() throws InterruptedException {
        Receiver<String> failing = (s, sender, value) -> {
            throw new IllegalStateException("no");
        };
        Responder<String> after = (s, sender, value) -> "after";
        WeakReference<Object> owner = connectShortLivedOwner();
        signal.connect(failing);
        signal.connectResponder(after);
        assertTrue(Gc.until(() -> owner.get() == null), "the owner was not collected");

        List<Reply> replies;
        try (LogCapture ignored = LogCapture.start()) {
            replies = signal.sendRobust("seven", "x");
        }

        assertEquals(2, replies.size());
        assertSame(failing, replies.get(0).receiver());
        assertTrue(replies.get(0).failed());
        assertEquals("no", replies.get(0).exception().getMessage());
        assertNull(replies.get(0).value());
        assertSame(after, replies.get(1).receiver());
        assertFalse(replies.get(1).failed());
        assertEquals("after", replies.get(1).value());
    }

    @Test
    void aResponderMayAnswerWithAnExceptionAsItsValue() {
        IllegalStateException answer = new IllegalStateException("a value, not a failure");
        signal.connectResponder((s, sender, value) -> answer);

        for (List<Reply> replies : List.of(signal.send("seven", "x"), signal.sendRobust("seven", "x"))) {
            assertFalse(replies.get(0).failed());
            assertSame(answer, replies.get(0).value());
            assertNull(replies.get(0).exception());
        }
    }

    private WeakReference<Object> connectShortLivedOwner() {
        Object owner = new Object();
        signal.connectWeakResponder(owner, (o, s, sender, value) -> "weak");
        return new WeakReference<>(owner);
    }

    @Test
    void aReplySaysWhoAnsweredWhatOrWhatItThrew() {
        signal.connectResponder((s, sender, text) -> "answer to " + text);
        signal.connect((s, sender, text) -> {
            throw new IOException("disk full");
        });

        List<Reply> replies = signal.sendRobust("x", "x");

        assertEquals("Reply[lambda in signals.core.RepliesTests -> answer to x]", replies.get(0).toString());
        assertEquals("Reply[lambda in signals.core.RepliesTests -> threw java.io.IOException: disk full]",
                replies.get(1).toString());
    }
}
