package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Django's {@code tests/signals/tests.py::AsyncReceiversTests}. Django's {@code async def}
 * receiver is a {@link Responder} answering with a {@link CompletableFuture} that another thread
 * completes later; its sync receiver is a responder answering with a plain value.
 *
 * <p>One difference is deliberate: Django returns the replies of all sync receivers first, then
 * those of the async ones, because it knows at connect time which receivers are coroutines. A
 * Java responder only shows that it is asynchronous by what it returns, after it was called, so
 * replies come in connection order.
 */
class AsyncSendTests {

    private static final long WAIT_SECONDS = 10;

    private final Signal<String> signal = Signal.of("async_signal", String.class);
    private final ExecutorService completer = Executors.newSingleThreadExecutor(named("completer"));
    private final Object sender = AsyncSendTests.class;

    @AfterEach
    void stopThreads() throws InterruptedException {
        completer.shutdownNow();
        assertTrue(completer.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    // Django: AsyncReceiversTests.test_asend
    @Test
    void aCancelledStageIsItsRespondersFailure() {
        CompletableFuture<Object> cancelled = new CompletableFuture<>();
        cancelled.cancel(false);
        signal.connectResponder((s, sender, text) -> cancelled);

        List<Reply> replies = signal.sendRobustAsync("x", "x", Runnable::run).join();

        assertInstanceOf(java.util.concurrent.CancellationException.class, replies.get(0).exception());
    }

    @Test
    void aStageThatFailsWithAnErrorRaisesThatErrorFromABlockingSend() {
        AssertionError broken = new AssertionError("broken invariant");
        signal.connectResponder((s, sender, text) -> CompletableFuture.failedFuture(broken));

        assertSame(broken, assertThrows(AssertionError.class, () -> signal.send("x", "x")));
    }

    @Test
    void sendAsyncAwaitsAsyncReceiversAndRepliesInConnectionOrder() throws Exception {
        SyncHandler sync = new SyncHandler();
        AsyncHandler async = new AsyncHandler(completer);
        signal.connectResponder(sync);
        signal.connectResponder(async);

        List<Reply> replies = await(signal.sendAsync(sender, "x"));

        assertReplies(replies, sync, 1, async, 1);
    }

    // Django: AsyncReceiversTests.test_asend
    // Java order: a sync receiver connected after an async one replies after it.
    @Test
    void sendAsyncKeepsConnectionOrderWhateverKindOfReceiver() throws Exception {
        AsyncHandler async = new AsyncHandler(completer);
        SyncHandler sync = new SyncHandler();
        signal.connectResponder(async);
        signal.connectResponder(sync);

        assertReplies(await(signal.sendAsync(sender, "x")), async, 1, sync, 1);
    }

    // Django: AsyncReceiversTests.test_send
    // Django's blocking send drives async receivers to completion and replies with their results.
    @Test
    void blockingSendWaitsForAnAsyncReceiverAndRepliesWithItsResult() {
        SyncHandler sync = new SyncHandler();
        AsyncHandler async = new AsyncHandler(completer);
        signal.connectResponder(sync);
        signal.connectResponder(async);

        List<Reply> replies = signal.send(sender, "x");

        assertReplies(replies, sync, 1, async, 1);
    }

    // Issue 23 item 13: the receiver after a responder whose stage fails has been started, as
    // Django's send starts every coroutine before it gathers them.
    @Test
    void blockingSendRaisesTheCheckedFailureOfAStageAsAThrowingReceiversWouldBe() {
        FailingAsync failing = new FailingAsync(completer);
        SyncHandler after = new SyncHandler();
        signal.connectResponder(failing);
        signal.connectResponder(after);

        ReceiverException e = assertThrows(ReceiverException.class, () -> signal.send(sender, "x"));

        assertSame(failing.thrown, e.getCause());
        assertTrue(e.getMessage().contains("async_signal"), e.getMessage());
        assertEquals(1, after.count.get(), "every receiver is called before any stage is waited for");
    }

    @Test
    void blockingSendRaisesTheUncheckedFailureOfAStageUnchanged() {
        IllegalStateException thrown = new IllegalStateException("later");
        signal.connectResponder((s, from, val) -> CompletableFuture.supplyAsync(() -> {
            throw thrown;
        }, completer));

        assertSame(thrown, assertThrows(IllegalStateException.class, () -> signal.send(sender, "x")));
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> signal.fire(sender, "x")));
    }

    @Test
    void fireWaitsForAnAsyncReceiver() {
        AsyncHandler async = new AsyncHandler(completer);
        FailingAsync failing = new FailingAsync(completer);
        signal.connectResponder(async);
        signal.connectResponder(failing);

        ReceiverException e = assertThrows(ReceiverException.class, () -> signal.fire(sender, "x"));

        assertSame(failing.thrown, e.getCause());
        assertEquals(1, async.count.get());
    }

    // Django: AsyncReceiversTests.test_send_robust (an async receiver's exception is captured)
    @Test
    void blockingRobustSendCapturesTheFailureOfAStage() {
        FailingAsync failing = new FailingAsync(completer);
        SyncHandler after = new SyncHandler();
        signal.connectResponder(failing);
        signal.connectResponder(after);

        List<Reply> replies = signal.sendRobust(sender, "x");

        assertEquals(2, replies.size());
        assertSame(failing.thrown, replies.get(0).exception());
        assertEquals(1, replies.get(1).value());
    }

    @Test
    void blockingSendWaitsForAWeakResponderStage() {
        SyncHandler owner = new SyncHandler();
        signal.connectWeakResponder(owner, (o, s, from, val) -> CompletableFuture.supplyAsync(() -> "late " + val, completer));

        assertEquals("late x", signal.send(sender, "x").get(0).value());
    }

    @Test
    void interruptWhileWaitingForAStageEndsTheSendAndKeepsTheInterrupt() {
        signal.connectResponder((s, from, val) -> new CompletableFuture<>()); // never completes
        Thread.currentThread().interrupt();
        try {
            ReceiverException e = assertThrows(ReceiverException.class, () -> signal.send(sender, "x"));
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    // Django: AsyncReceiversTests.test_send_robust
    @Test
    void sendRobustRepliesWithTheExceptionOfAThrowingReceiver() {
        Throwing throwing = new Throwing();
        AsyncHandler async = new AsyncHandler(completer);
        SyncHandler sync = new SyncHandler();
        signal.connectResponder(throwing);
        signal.connectResponder(async);
        signal.connectResponder(sync);

        List<Reply> replies;
        try (LogCapture log = LogCapture.start()) {
            replies = signal.sendRobust(sender, "x");
            assertEquals(1, log.records().size(), () -> "log: " + log.records());
        }

        assertEquals(3, replies.size());
        assertSame(throwing, replies.get(0).receiver());
        assertSame(throwing.thrown, replies.get(0).exception());
        assertEquals(1, replies.get(1).value(), "the async receiver's result, waited for");
        assertEquals(1, replies.get(2).value());
    }

    // Django: AsyncReceiversTests.test_asend_robust
    @Test
    void sendRobustAsyncRepliesWithTheExceptionsOfThrowingAndFailingReceivers() throws Exception {
        FailingAsync failing = new FailingAsync(completer);
        Throwing throwing = new Throwing();
        AsyncHandler async = new AsyncHandler(completer);
        SyncHandler sync = new SyncHandler();
        signal.connectResponder(failing);
        signal.connectResponder(throwing);
        signal.connectResponder(async);
        signal.connectResponder(sync);

        List<Reply> replies;
        List<LogRecord> logged;
        try (LogCapture log = LogCapture.start()) {
            replies = await(signal.sendRobustAsync(sender, "x"));
            logged = log.records();
        }

        assertEquals(4, replies.size(), () -> "replies: " + replies);
        assertSame(failing, replies.get(0).receiver());
        assertSame(failing.thrown, replies.get(0).exception());
        assertNull(replies.get(0).value());
        assertSame(throwing, replies.get(1).receiver());
        assertSame(throwing.thrown, replies.get(1).exception());
        assertSame(async, replies.get(2).receiver());
        assertEquals(1, replies.get(2).value());
        assertSame(sync, replies.get(3).receiver());
        assertEquals(1, replies.get(3).value());

        assertEquals(2, logged.size(), () -> "log: " + logged);
        assertSame(failing.thrown, logged.get(0).getThrown());
        assertSame(throwing.thrown, logged.get(1).getThrown());
        for (LogRecord record : logged) {
            assertEquals(Level.SEVERE, record.getLevel());
            assertTrue(record.getMessage().contains("'async_signal'"), record.getMessage());
        }
        assertTrue(logged.get(0).getMessage().contains(FailingAsync.class.getName()), logged.get(0).getMessage());
        assertTrue(logged.get(1).getMessage().contains(Throwing.class.getName()), logged.get(1).getMessage());
    }

    // Django: AsyncReceiversTests.test_asend_only_async_receivers
    @Test
    void sendAsyncWithOnlyAnAsyncReceiver() throws Exception {
        AsyncHandler async = new AsyncHandler(completer);
        signal.connectResponder(async);

        List<Reply> replies = await(signal.sendAsync(sender, "x"));

        assertEquals(1, replies.size());
        assertSame(async, replies.get(0).receiver());
        assertEquals(1, replies.get(0).value());
    }

    // Django: AsyncReceiversTests.test_asend_robust_only_async_receivers
    @Test
    void sendRobustAsyncWithOnlyAnAsyncReceiver() throws Exception {
        AsyncHandler async = new AsyncHandler(completer);
        signal.connectResponder(async);

        List<Reply> replies = await(signal.sendRobustAsync(sender, "x"));

        assertEquals(1, replies.size());
        assertSame(async, replies.get(0).receiver());
        assertEquals(1, replies.get(0).value());
    }

    // Java: with nothing connected, the future is complete at once
    @Test
    void sendAsyncWithoutReceiversIsCompleteAtOnce() {
        CompletableFuture<List<Reply>> replies = signal.sendAsync(sender, "x");
        CompletableFuture<List<Reply>> robust = signal.sendRobustAsync(sender, "x");

        assertEquals(List.of(), replies.getNow(null));
        assertEquals(List.of(), robust.getNow(null));
    }

    // Java: the future completes only when the stage of an async receiver does
    @Test
    void sendAsyncCompletesOnlyWhenTheAsyncReceiverDoes() throws Exception {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        CountDownLatch responded = new CountDownLatch(1);
        signal.connectResponder((signal, sender, val) -> {
            responded.countDown();
            return answer;
        });

        CompletableFuture<List<Reply>> replies = signal.sendAsync(sender, "x");
        assertTrue(responded.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertFalse(replies.isDone());

        completer.execute(() -> answer.complete("later"));
        assertEquals("later", await(replies).get(0).value());
    }

    // Java: receivers run on the executor given, in connection order
    @Test
    void sendAsyncRunsReceiversOnTheGivenExecutor() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(named("custom-executor"));
        try {
            List<String> threads = new ArrayList<>();
            signal.connect((signal, sender, val) -> threads.add("1 " + Thread.currentThread().getName()));
            signal.connect((signal, sender, val) -> threads.add("2 " + Thread.currentThread().getName()));

            await(signal.sendAsync(sender, "x", executor));

            assertEquals(List.of("1 custom-executor", "2 custom-executor"), threads);
        } finally {
            executor.shutdownNow();
        }
    }

    // Java: sendAsync returns before the receivers have run
    @Test
    void sendAsyncDoesNotBlockTheCaller() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        signal.connectResponder((signal, sender, val) -> {
            if (!release.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new TimeoutException("never released");
            }
            return "released";
        });

        CompletableFuture<List<Reply>> replies = signal.sendAsync(sender, "x", completer);

        assertFalse(replies.isDone());
        release.countDown();
        assertEquals("released", await(replies).get(0).value());
    }

    // Java: a non-robust future fails with the thrown exception itself as the cause, and the
    // receivers after it are not called
    @Test
    void sendAsyncFailsWithTheExceptionOfAThrowingReceiver() {
        Throwing throwing = new Throwing();
        SyncHandler after = new SyncHandler();
        signal.connectResponder(throwing);
        signal.connectResponder(after);

        CompletableFuture<List<Reply>> replies = signal.sendAsync(sender, "x");

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> replies.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertSame(throwing.thrown, failure.getCause());
        CompletionException joined = assertThrows(CompletionException.class, replies::join);
        assertSame(throwing.thrown, joined.getCause());
        assertEquals(0, after.count.get());
    }

    // Java: a non-robust future fails with the exception of a failed stage as the cause
    @Test
    void sendAsyncFailsWithTheExceptionOfAFailedStage() {
        FailingAsync failing = new FailingAsync(completer);
        signal.connectResponder(new SyncHandler());
        signal.connectResponder(failing);

        CompletableFuture<List<Reply>> replies = signal.sendAsync(sender, "x");

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> replies.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertSame(failing.thrown, failure.getCause());
    }

    // Java: the first exception in connection order wins, even when a receiver after it throws
    // before the earlier stage has failed
    @Test
    void sendAsyncFailsWithTheFirstExceptionInConnectionOrder() {
        CompletableFuture<Object> earlier = new CompletableFuture<>();
        Exception earlierFailure = new Exception("earlier");
        Throwing throwing = new Throwing();
        SyncHandler after = new SyncHandler();
        signal.connectResponder((signal, sender, val) -> earlier);
        signal.connectResponder(throwing);
        signal.connectResponder(after);

        CompletableFuture<List<Reply>> replies = signal.sendAsync(sender, "x", completer);
        completer.execute(() -> earlier.completeExceptionally(earlierFailure));

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> replies.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertSame(earlierFailure, failure.getCause());
        assertEquals(0, after.count.get());
    }

    // Java: an unchecked exception reaches the future unwrapped too
    @Test
    void sendAsyncFailsWithAnUncheckedExceptionAsTheCause() {
        IllegalStateException thrown = new IllegalStateException("unchecked");
        signal.connect((signal, sender, val) -> {
            throw thrown;
        });

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> signal.sendAsync(sender, "x").get(WAIT_SECONDS, TimeUnit.SECONDS));

        assertSame(thrown, failure.getCause());
    }

    // Java: the receivers of an asynchronous send are those connected when it was called
    @Test
    void sendAsyncReachesTheReceiversConnectedWhenItWasCalled() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SyncHandler late = new SyncHandler();
        signal.connectResponder((signal, sender, val) -> release.await(WAIT_SECONDS, TimeUnit.SECONDS));

        CompletableFuture<List<Reply>> replies = signal.sendAsync(sender, "x", completer);
        signal.connectResponder(late);
        release.countDown();

        assertEquals(1, await(replies).size());
        assertEquals(0, late.count.get());
    }

    // ------------------------------------------------------------------------------ helpers

    private static List<Reply> await(CompletableFuture<List<Reply>> replies) throws Exception {
        return replies.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static void assertReplies(List<Reply> replies, Object first, Object firstValue, Object second,
                                      Object secondValue) {
        assertEquals(2, replies.size(), () -> "replies: " + replies);
        assertSame(first, replies.get(0).receiver());
        assertEquals(firstValue, replies.get(0).value());
        assertSame(second, replies.get(1).receiver());
        assertEquals(secondValue, replies.get(1).value());
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    // ----------------------------------------------------------------------------- fixtures

    /** Django's {@code SyncHandler}: answers with how often it was called. */
    static final class SyncHandler implements Responder<String> {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public Object respond(Signal<?> signal, Object sender, String payload) {
            return count.incrementAndGet();
        }
    }

    /** Django's {@code AsyncHandler}: the same count, completed later by another thread. */
    static final class AsyncHandler implements Responder<String> {
        final AtomicInteger count = new AtomicInteger();
        private final ExecutorService completer;

        AsyncHandler(ExecutorService completer) {
            this.completer = completer;
        }

        @Override
        public Object respond(Signal<?> signal, Object sender, String payload) {
            return CompletableFuture.supplyAsync(count::incrementAndGet, completer);
        }
    }

    /** An async receiver whose stage fails, later, on another thread. */
    static final class FailingAsync implements Responder<String> {
        final Exception thrown = new Exception("failing async");
        private final ExecutorService completer;

        FailingAsync(ExecutorService completer) {
            this.completer = completer;
        }

        @Override
        public Object respond(Signal<?> signal, Object sender, String payload) {
            CompletableFuture<Object> answer = new CompletableFuture<>();
            completer.execute(() -> answer.completeExceptionally(thrown));
            return answer;
        }
    }

    /** A receiver that throws a checked exception before it could answer. */
    static final class Throwing implements Responder<String> {
        final Exception thrown = new Exception("throwing");

        @Override
        public Object respond(Signal<?> signal, Object sender, String payload) throws Exception {
            throw thrown;
        }
    }
}
