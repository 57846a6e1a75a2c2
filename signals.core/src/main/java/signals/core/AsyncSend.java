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
    private final Object sender;
    private final boolean robust;
    // The send's flight event while a recording wants it, else null; ended by finish().
    private Object flight;
    private int called;
    private final List<Link> links = new ArrayList<>();
    private final List<CompletableFuture<Object>> outcomes = new ArrayList<>();

    private AsyncSend(Signal<?> signal, Object sender, boolean robust) {
        this.signal = signal;
        this.sender = sender;
        this.robust = robust;
    }

    /** Calls every receiver; runs on the executor. */
    static AsyncSend start(Signal<?> signal, Link[] links, Object sender, Object payload, boolean robust) {
        AsyncSend send = new AsyncSend(signal, sender, robust);
        boolean recording = Flight.recording;
        if (recording) {
            send.flight = FlightEvents.sendStarted();
        }
        for (Link link : links) {
            CompletableFuture<Object> outcome;
            send.called++;
            Object receiverFlight = recording ? FlightEvents.receiverStarted() : null;
            try {
                Object value = link.reply(signal, sender, payload);
                if (value == Link.GONE) {
                    continue;
                }
                outcome = value instanceof CompletionStage ? Stages.follow((CompletionStage<?>) value)
                        : CompletableFuture.completedFuture(value);
            } catch (Exception e) {
                Descriptions.keepInterrupt(e);
                if (receiverFlight != null) {
                    FlightEvents.receiverEnded(receiverFlight, signal, link, e);
                }
                send.add(link, CompletableFuture.failedFuture(e));
                if (!robust) {
                    // The receivers after it are not called, but a stage answered before it may
                    // still fail, and the first failure in connection order is the one reported.
                    break;
                }
                continue;
            }
            if (receiverFlight != null) {
                // Awaited in place of the outcome, so that the event is committed before the send completes.
                outcome = outcome.whenComplete((value, thrown) -> FlightEvents.receiverEnded(receiverFlight, signal, link, thrown));
            }
            send.add(link, outcome);
        }
        return send;
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
