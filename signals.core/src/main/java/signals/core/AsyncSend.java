package signals.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One asynchronous send: the receivers are called in order on the executor, then the stages that
 * responders answered with are awaited together, without blocking a thread.
 */
final class AsyncSend {

    private final Signal<?> signal;
    private final boolean robust;
    private final List<Link> links = new ArrayList<>();
    private final List<CompletableFuture<Object>> outcomes = new ArrayList<>();

    private AsyncSend(Signal<?> signal, boolean robust) {
        this.signal = signal;
        this.robust = robust;
    }

    /** Calls every receiver; runs on the executor. */
    static AsyncSend start(Signal<?> signal, Link[] links, Object sender, Object payload, boolean robust) {
        AsyncSend send = new AsyncSend(signal, robust);
        for (Link link : links) {
            CompletableFuture<Object> outcome;
            try {
                Object value = link.reply(signal, sender, payload);
                if (value == Link.GONE) {
                    continue;
                }
                outcome = value instanceof CompletionStage ? Stages.follow((CompletionStage<?>) value)
                        : CompletableFuture.completedFuture(value);
            } catch (Exception e) {
                Descriptions.keepInterrupt(e);
                send.add(link, CompletableFuture.failedFuture(e));
                if (!robust) {
                    // The receivers after it are not called, but a stage answered before it may
                    // still fail, and the first failure in connection order is the one reported.
                    break;
                }
                continue;
            }
            send.add(link, outcome);
        }
        return send;
    }

    /** Waits, without blocking, for every answer, then pairs them with their receivers. */
    CompletableFuture<List<Reply>> finish() {
        return CompletableFuture.allOf(outcomes.toArray(new CompletableFuture<?>[0]))
                .handle((ignored, failure) -> replies());
    }

    private void add(Link link, CompletableFuture<Object> outcome) {
        links.add(link);
        outcomes.add(outcome);
    }

    private List<Reply> replies() {
        Object[] values = new Object[outcomes.size()];
        for (int i = 0; i < values.length; i++) {
            CompletableFuture<Object> outcome = outcomes.get(i);
            if (!outcome.isCompletedExceptionally()) {
                values[i] = outcome.join();
                continue;
            }
            Throwable failure = unwrap(outcome);
            if (!robust || !(failure instanceof Exception)) {
                throw failure instanceof CompletionException ? (CompletionException) failure
                        : new CompletionException(failure);
            }
            Descriptions.logRobustFailure(signal, links.get(i), failure);
            values[i] = new Replies.Failed((Exception) failure);
        }
        return new Replies(links.toArray(new Link[0]), values, values.length);
    }

    private static Throwable unwrap(CompletableFuture<Object> failed) {
        try {
            failed.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }
}
