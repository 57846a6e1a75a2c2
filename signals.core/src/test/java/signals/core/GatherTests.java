package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 items 13 and 14: a blocking send starts every responder before it waits for any stage,
 * as Django's {@code send} gathers its coroutines; an asynchronous send without an executor runs
 * on a virtual thread of its own on JDK 21 and later.
 */
class GatherTests {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final Signal<String> signal = Signal.of("gathered", String.class);
    private final CompletableFuture<String> firstCalled = new CompletableFuture<>();
    private final CompletableFuture<String> secondCalled = new CompletableFuture<>();

    /** Two responders whose stages each wait for the other responder to have been called. */
    private void connectTwoThatWaitForEachOther() {
        signal.connectResponder((s, sender, text) -> {
            firstCalled.complete("first");
            return secondCalled.thenApply(other -> "first saw " + other);
        });
        signal.connectResponder((s, sender, text) -> {
            secondCalled.complete("second");
            return firstCalled.thenApply(other -> "second saw " + other);
        });
    }

    private List<Object> values(List<Reply> replies) {
        List<Object> values = new ArrayList<>();
        replies.forEach(reply -> values.add(reply.value()));
        return values;
    }

    @Test
    void sendStartsBothRespondersThenRepliesInConnectionOrder() {
        connectTwoThatWaitForEachOther();

        List<Reply> replies = assertTimeoutPreemptively(BOUND, () -> signal.send("kitchen", "x"));

        assertEquals(List.of("first saw second", "second saw first"), values(replies));
    }

    @Test
    void sendRobustStartsBothResponders() {
        connectTwoThatWaitForEachOther();

        List<Reply> replies = assertTimeoutPreemptively(BOUND, () -> signal.sendRobust("kitchen", "x"));

        assertEquals(List.of("first saw second", "second saw first"), values(replies));
    }

    @Test
    void fireStartsBothResponders() {
        connectTwoThatWaitForEachOther();

        assertTimeoutPreemptively(BOUND, () -> signal.fire("kitchen", "x"));

        assertTrue(firstCalled.isDone() && secondCalled.isDone());
    }

    @Test
    void sendRaisesTheFirstFailureInConnectionOrderOnceEveryResponderStarted() {
        List<String> called = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Object> late = new CompletableFuture<>();
        signal.connectResponder((s, sender, text) -> {
            called.add("late");
            return late;
        });
        signal.connectResponder((s, sender, text) -> {
            called.add("early");
            return CompletableFuture.failedFuture(new IllegalStateException("early"));
        });
        signal.connectResponder((s, sender, text) -> {
            called.add("last");
            late.completeExceptionally(new IllegalArgumentException("late"));
            return null;
        });

        IllegalArgumentException thrown = assertTimeoutPreemptively(BOUND,
                () -> assertThrows(IllegalArgumentException.class, () -> signal.send("kitchen", "x")));

        assertEquals("late", thrown.getMessage(), "the first failure in connection order, not in time");
        assertEquals(List.of("late", "early", "last"), called);
    }

    @Test
    void sendRobustKeepsEveryFailureOfAStage() {
        signal.connectResponder((s, sender, text) -> CompletableFuture.failedFuture(new IllegalStateException("one")));
        signal.connectResponder((s, sender, text) -> CompletableFuture.completedFuture("two"));
        signal.connectResponder((s, sender, text) -> CompletableFuture.failedFuture(new IllegalStateException("three")));

        List<Reply> replies = signal.sendRobust("kitchen", "x");

        assertEquals(List.of("one", "", "three"), replies.stream()
                .map(reply -> reply.exception() == null ? "" : reply.exception().getMessage()).toList());
        assertEquals("two", replies.get(1).value());
    }

    // Issue 23 item 14: concurrent asynchronous sends whose receivers block do not wait for each
    // other on JDK 21 and later; JDK 17 keeps the common pool.
    @Test
    void asynchronousSendsWithoutAnExecutorRunOnVirtualThreadsFromJdk21() throws Exception {
        int sends = 4;
        CyclicBarrier allBlocked = new CyclicBarrier(sends);
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        signal.connect((s, sender, text) -> {
            threads.add(Thread.currentThread());
            if (Runtime.version().feature() >= 21) {
                allBlocked.await(BOUND.toSeconds(), TimeUnit.SECONDS); // each send blocks until all of them run
            }
        });

        List<CompletableFuture<List<Reply>>> running = new ArrayList<>();
        for (int i = 0; i < sends; i++) {
            running.add(signal.sendAsync("kitchen", "x"));
        }
        for (CompletableFuture<List<Reply>> send : running) {
            send.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        }

        if (Runtime.version().feature() >= 21) {
            assertEquals(Collections.nCopies(sends, true), threads.stream().map(GatherTests::isVirtual).toList(),
                    threads.toString());
        } else {
            assertSame(ForkJoinPool.commonPool(), Delivery.defaultExecutor());
            assertEquals(sends, threads.size());
        }
    }

    private static boolean isVirtual(Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

}
