package signals.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What one asynchronous send keeps while its answers come in: {@link Delivery} calls the receivers
 * in order on the executor and adds their outcomes here; {@link #finish} awaits them together,
 * without blocking a thread.
 */
final class AsyncSend {

    private final Signal<?> signal;
    private final Object sender;
    private final boolean robust;
    // The send's flight event while a recording wants it, else null; ended by finish().
    private final Object flight;
    int called; // counted by Delivery.start
    private final List<Link> links = new ArrayList<>();
    private final List<CompletableFuture<Object>> outcomes = new ArrayList<>();

    AsyncSend(Signal<?> signal, Object sender, boolean robust, Object flight) {
        this.signal = signal;
        this.sender = sender;
        this.robust = robust;
        this.flight = flight;
    }

    /** Waits, without blocking, for every answer, then pairs them with their receivers. */
    CompletableFuture<List<Reply>> finish() {
        return CompletableFuture.allOf(outcomes.toArray(new CompletableFuture<?>[0]))
                .handle((ignored, failure) -> {
                    if (flight != null) { // FlightEvents is loaded only where jdk.jfr is present
                        FlightEvents.asyncSendEnded(flight, signal, sender, called);
                    }
                    return replies();
                });
    }

    void add(Link link, CompletableFuture<Object> outcome) {
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
            Delivery.logRobustFailure(signal, links.get(i), failure);
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
