package signals.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;
import signals.core.Signal;

class SignalRecorderTests {

    static final Signal<String> ORDERED = Signal.of("ordered", String.class);
    static final Signal<String> PAID = Signal.of("paid", String.class);

    @RegisterExtension
    final TestReceivers receivers = new TestReceivers();

    @Test
    void recordsEveryFormOfSendInOrder() throws Exception {
        try (SignalRecorder recorder = SignalRecorder.everywhere(ORDERED)) {
            ORDERED.fire("shop", "fire");
            ORDERED.send("shop", "send");
            ORDERED.sendRobust("shop", "robust");
            ORDERED.sendAsync("shop", "async").get(10, TimeUnit.SECONDS);

            assertEquals(List.of("fire", "send", "robust", "async"), recorder.payloads(ORDERED));
            assertEquals("shop", recorder.assertSent(ORDERED).sender());
            assertEquals(Thread.currentThread().getName(), recorder.sent().get(3).thread());
        }
    }

    @Test
    void recordsASendWhoseReceiverThrowsWithoutChangingWhichReceiversRun() {
        List<String> called = new CopyOnWriteArrayList<>();
        receivers.add(ORDERED.connect((signal, sender, payload) -> called.add("first")));
        receivers.add(ORDERED.connect((signal, sender, payload) -> {
            throw new IllegalStateException("out of stock");
        }));
        receivers.add(ORDERED.connect((signal, sender, payload) -> called.add("never")));

        try (SignalRecorder recorder = SignalRecorder.everywhere()) {
            assertThrows(IllegalStateException.class, () -> ORDERED.send("shop", "book"));

            recorder.assertSent(ORDERED, "shop", "book");
        }
        assertEquals(List.of("first"), called);
    }

    @Test
    void recordsOnlyTheChosenSignals() {
        try (SignalRecorder recorder = SignalRecorder.everywhere(PAID)) {
            ORDERED.fire("shop", "book");
            PAID.fire("shop", "book");

            assertEquals(1, recorder.sent().size());
            assertEquals(0, recorder.count(ORDERED));
            assertEquals(1, recorder.count(PAID));
        }
    }

    @Test
    void aClosedRecorderHearsNothingMoreAndKeepsWhatItHeard() {
        SignalRecorder recorder = SignalRecorder.everywhere(ORDERED);
        ORDERED.fire("shop", "before");
        recorder.close();
        recorder.close();
        ORDERED.fire("shop", "after");

        assertEquals(List.of("before"), recorder.payloads(ORDERED));
    }

    @Test
    void clearForgetsWhatWasRecorded() {
        try (SignalRecorder recorder = SignalRecorder.everywhere(ORDERED)) {
            ORDERED.fire("fixture", "setup");
            recorder.clear();
            ORDERED.fire("shop", "book");

            assertEquals(List.of("book"), recorder.payloads(ORDERED));
        }
    }

    @Test
    void twoRecordersBothHearEverySend() {
        try (SignalRecorder outer = SignalRecorder.everywhere(ORDERED); SignalRecorder inner = SignalRecorder.everywhere(ORDERED)) {
            ORDERED.fire("shop", "book");

            assertEquals(1, outer.count(ORDERED));
            assertEquals(1, inner.count(ORDERED));
        }
    }

    @Test
    void mutedSendsAreRecordedAndMarkedMuted() {
        try (SignalRecorder recorder = SignalRecorder.everywhere(ORDERED)) {
            try (MutedSignals muted = MutedSignals.inThisThreadAndChildren(ORDERED)) {
                ORDERED.fire("shop", "thread-muted");
            }
            try (Signal<String>.Mute muted = ORDERED.mute()) {
                ORDERED.fire("shop", "core-muted");
            }
            ORDERED.fire("shop", "heard");

            assertEquals(List.of(true, true, false), recorder.sent().stream().map(SentSignal::muted).toList());
        }
    }

    @Test
    void aRecorderInThisThreadHearsThreadsItStartsButNotThreadsStartedBefore() throws Exception {
        ExecutorService earlier = Pools.started();
        try {
            try (SignalRecorder recorder = SignalRecorder.inThisThreadAndChildren(ORDERED)) {
                Pools.run(earlier, () -> ORDERED.fire("pool", "unheard"));
                Thread started = new Thread(() -> ORDERED.fire("child", "heard"));
                started.start();
                started.join();
                ORDERED.fire("test", "own");

                assertEquals(List.of("heard", "own"), recorder.payloads(ORDERED));
            }
        } finally {
            earlier.shutdownNow();
        }
    }

    @Test
    void aRecorderForEveryThreadHearsAPoolThreadStartedBefore() throws Exception {
        ExecutorService earlier = Pools.started();
        try {
            try (SignalRecorder recorder = SignalRecorder.everywhere(ORDERED)) {
                Pools.run(earlier, () -> ORDERED.fire("pool", "heard"));

                assertEquals(List.of("heard"), recorder.payloads(ORDERED));
            }
        } finally {
            earlier.shutdownNow();
        }
    }

    @Test
    void assertionsReturnWhatTheyFound() {
        try (SignalRecorder recorder = SignalRecorder.everywhere()) {
            ORDERED.fire("shop", "book");
            PAID.fire("bank", "book");
            ORDERED.fire("shop", "pen");

            assertEquals("book", recorder.assertSentOnce(PAID).payload());
            assertEquals(2, recorder.assertSentTimes(ORDERED, 2).size());
            assertSame(ORDERED, recorder.assertSent(ORDERED, "shop", "pen").signal());
            recorder.assertSequence(ORDERED, PAID, ORDERED);
            recorder.assertSequence(PAID);
        }
    }

    @Test
    void aFailureListsWhatWasSentInstead() {
        try (SignalRecorder recorder = SignalRecorder.everywhere(ORDERED, PAID)) {
            ORDERED.fire("shop", "book");
            ORDERED.fire("shop", "pen");

            AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> recorder.assertSentOnce(ORDERED));

            assertEquals("Expected ordered to be sent once, but it was sent 2 times.\n"
                    + "Sent while recording ordered, paid (2):\n"
                    + "  1. ordered from shop with book\n"
                    + "  2. ordered from shop with pen", failure.getMessage());
            assertTrue(failure.isExpectedDefined() && failure.isActualDefined());
            assertEquals("once", failure.getExpected().getValue());
            assertEquals("2 times", failure.getActual().getValue());
        }
    }

    @Test
    void aFailureOnANeverSentSignalSaysNothingWasSent() {
        try (SignalRecorder recorder = SignalRecorder.everywhere()) {
            AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> recorder.assertSent(PAID));

            assertEquals("Expected paid to be sent, but it was not.\nNothing was sent while recording every signal.",
                    failure.getMessage());
            assertTrue(!failure.isExpectedDefined() && !failure.isActualDefined());
        }
    }

    @Test
    void aFailureOnAMissingSenderOrPayloadShowsTheExpectedSend() {
        try (SignalRecorder recorder = SignalRecorder.everywhere(ORDERED)) {
            ORDERED.fire("shop", "book");

            AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                    () -> recorder.assertSent(ORDERED, "shop", "pen"));

            assertEquals("Expected ordered from shop with pen, but it was not sent.\n"
                    + "Sent while recording ordered (1):\n  1. ordered from shop with book", failure.getMessage());
        }
    }

    @Test
    void aFailureOnOrderShowsBothSequences() {
        try (SignalRecorder recorder = SignalRecorder.everywhere()) {
            PAID.fire("bank", "book");
            ORDERED.fire("shop", "book");

            AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                    () -> recorder.assertSequence(ORDERED, PAID));

            assertTrue(failure.getMessage().startsWith("Expected the sequence [ordered, paid], but it was [paid, ordered].\n"),
                    failure::getMessage);
        }
    }

    @Test
    void notSentAndNothingSentFailWithTheList() {
        try (SignalRecorder recorder = SignalRecorder.everywhere()) {
            recorder.assertNothingSent();
            recorder.assertNotSent(ORDERED);
            ORDERED.fire("shop", "book");

            assertEquals("Expected no signal to be sent.\nSent while recording every signal (1):\n  1. ordered from shop with book",
                    assertThrows(AssertionFailedError.class, recorder::assertNothingSent).getMessage());
            assertTrue(assertThrows(AssertionFailedError.class, () -> recorder.assertNotSent(ORDERED)).getMessage()
                    .startsWith("Expected ordered to be sent 0 times, but it was sent once."));
        }
    }

    @Test
    void badArgumentsAreRefusedByName() {
        try (SignalRecorder recorder = SignalRecorder.everywhere()) {
            assertEquals("times must not be negative: -1",
                    assertThrows(IllegalArgumentException.class, () -> recorder.assertSentTimes(ORDERED, -1)).getMessage());
            assertEquals("Give at least one signal",
                    assertThrows(IllegalArgumentException.class, recorder::assertSequence).getMessage());
            assertEquals("signals[1]",
                    assertThrows(NullPointerException.class, () -> SignalRecorder.everywhere(ORDERED, null)).getMessage());
            assertEquals("signal", assertThrows(NullPointerException.class, () -> recorder.sent(null)).getMessage());
        }
    }

    @Test
    void theObserverIsRemovedOnceTheLastRecorderAndMuteAreClosed() {
        SignalRecorder recorder = SignalRecorder.inThisThreadAndChildren();
        MutedSignals muted = MutedSignals.inThisThreadAndChildren(ORDERED);
        recorder.close();
        assertTrue(Watch.installed());
        muted.close();

        assertTrue(!Watch.installed());
    }

    @Test
    void describesItself() {
        try (SignalRecorder recorder = SignalRecorder.inThisThreadAndChildren(ORDERED)) {
            ORDERED.fire(null, "book");

            assertEquals("SignalRecorder of ordered in one thread and its children: [ordered from null with book]", recorder.toString());
        }
    }
}
