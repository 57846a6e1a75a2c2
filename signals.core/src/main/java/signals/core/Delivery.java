package signals.core;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import signals.core.spi.HostTransaction;
import signals.core.spi.SendObserver;
import signals.core.spi.TransactionWork;

/**
 * How a send reaches its receivers, for every form of send: the installed observers, the switch
 * to JDK Flight Recorder's events, and the loops that call receivers. {@link Signal} checks the
 * payload and finds the route for the sender; everything after that happens here.
 *
 * <p>Three loops, one per way of calling:
 * <ul>
 *   <li>{@link #call}: no replies, nothing allocated; {@code fire}, and {@code send} to plain
 *       receivers, whose replies are all null;</li>
 *   <li>{@link #collect}: every other blocking send ({@code send} to responders,
 *       {@code sendRobust}, an adapter's host send, a {@code fire} that may meet a stage, every
 *       send but {@code fire} while recording); it starts every receiver, then waits for the
 *       stages responders answered with, in connection order;</li>
 *   <li>{@link #start}: the asynchronous sends, on their executor.</li>
 * </ul>
 * A fourth, {@link FlightEvents#fire}, is {@code fire} while a recording runs; see there why it
 * is a loop of its own.
 */
final class Delivery {

    private static final Object OBSERVERS_LOCK = new Object();

    // Null while none is installed, so that a send tests one field and moves on.
    private static volatile SendObserver[] observers;

    private Delivery() {
    }

    /** What a blocking send keeps of each receiver, and what it makes of a receiver's exception. */
    enum Way {
        /** {@code fire}: no replies; unchecked exceptions pass, checked ones come wrapped. */
        FIRE(false),
        /** {@code send}: the replies; exceptions as for {@code fire}. */
        SEND(true),
        /** {@code sendRobust}: the replies, an exception being one. */
        ROBUST(true),
        /** An adapter's host: no replies; every exception comes wrapped, naming its receiver. */
        HOST(false),
        /** An adapter's robust send: as {@code sendRobust}, unlogged, as the host reports each failure itself. */
        HOST_ROBUST(true),
        /** Receivers after a transaction ended: as {@code sendRobust}, logged with their phase. */
        AFTER_END(false);

        final boolean replies;

        Way(boolean replies) {
            this.replies = replies;
        }

        /** Whether a receiver's exception becomes its reply rather than ending the send. */
        boolean robust() {
            return this == ROBUST || this == HOST_ROBUST || this == AFTER_END;
        }

        RuntimeException failure(Signal<?> signal, Object receiver, Exception thrown) {
            return this != HOST && thrown instanceof RuntimeException ? (RuntimeException) thrown
                    : new ReceiverException(signal, receiver, thrown);
        }
    }

    // ------------------------------------------------------------------------------ observers

    /** Tells the installed observers about a send; false if any of them asked to skip the receivers. */
    static boolean allow(Signal<?> signal, Object sender, Object payload) {
        SendObserver[] current = observers;
        if (current == null) {
            return true;
        }
        // Every observer hears every send, whatever an earlier one decided: a recorder installed
        // after a muting observer must still see the muted send.
        boolean deliver = true;
        for (SendObserver observer : current) {
            deliver &= observer.sending(signal, sender, payload);
        }
        return deliver;
    }

    /** Whether a send would call at least one observer. */
    static boolean observed() {
        return observers != null;
    }

    static void install(SendObserver observer) {
        synchronized (OBSERVERS_LOCK) {
            SendObserver[] current = observers;
            SendObserver[] next = current == null ? new SendObserver[1] : Arrays.copyOf(current, current.length + 1);
            next[next.length - 1] = observer;
            observers = next;
        }
    }

    /** Removes one installation of an observer. */
    static void uninstall(SendObserver observer) {
        synchronized (OBSERVERS_LOCK) {
            SendObserver[] current = observers;
            for (int i = 0; current != null && i < current.length; i++) {
                if (current[i] == observer) {
                    SendObserver[] next = new SendObserver[current.length - 1];
                    System.arraycopy(current, 0, next, 0, i);
                    System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                    observers = next.length == 0 ? null : next;
                    return;
                }
            }
        }
    }

    // -------------------------------------------------------------------------- blocking sends

    /** {@link Signal#fire} on a route found by look-up. */
    static void fire(Signal<?> signal, Index.Route route, Object sender, Object payload) {
        if (route.targets == null) {
            // A responder may answer with a stage: every receiver starts before any stage is waited for.
            collect(signal, route.links, sender, payload, Way.FIRE);
        } else if (Flight.recording) {
            FlightEvents.fire(signal, route.links, sender, payload);
        } else {
            call(signal, route.targets, sender, payload);
        }
    }

    /** {@link Signal#send} on a route. */
    static List<Reply> send(Signal<?> signal, Index.Route route, Object sender, Object payload) {
        if (route.links.length == 0) {
            return List.of();
        }
        if (!route.plain || Flight.recording) {
            return collect(signal, route.links, sender, payload, Way.SEND);
        }
        // Plain receivers all reply null: call them as fire does; the route keeps their list.
        call(signal, route.targets, sender, payload);
        return route.plainReplies();
    }

    /**
     * The hot loop: calls receivers that answer nothing, in order. It is the one loop that
     * {@code fire} runs when not recording, so that the JIT compiles one small method for it;
     * {@code SendBenchmark.fire} and {@code SendBenchmark.send} (plain receivers) measure it
     * against {@code SendBenchmark.plainLoop}.
     */
    static void call(Signal<?> signal, Receiver<Object>[] targets, Object sender, Object payload) {
        int i = 0;
        try {
            for (; i < targets.length; i++) {
                targets[i].receive(signal, sender, payload);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ReceiverException(signal, connectionOf(signal, targets[i]), e);
        }
    }

    /**
     * The connection whose target {@link #call} called, for a message that shows its name; the
     * target itself if it was disconnected since. Only on the way out of a failed send.
     */
    private static Object connectionOf(Signal<?> signal, Receiver<Object> target) {
        for (Link link : signal.links()) {
            if (link.target() == target) {
                return link;
            }
        }
        return target;
    }

    /**
     * Calls every link in order, then waits for the stages that responders answered with, in
     * connection order, as Django's {@code send} starts every coroutine before it gathers them:
     * two responders whose stages wait for each other complete. The first exception in
     * connection order stops the send (the receivers after a receiver that threw are not called);
     * a robust send keeps each one as its receiver's reply instead.
     *
     * @return the replies, or null for a way that keeps none
     */
    static Replies collect(Signal<?> signal, Link[] links, Object sender, Object payload, Way way) {
        Object[] values = way.replies ? new Object[links.length] : null; // else made for a stage only
        Link[] replied = links; // copied only if a weak owner turns out to be gone
        int count = 0;
        boolean waiting = false;
        boolean recording = Flight.recording;
        Object flight = recording ? FlightEvents.sendStarted() : null;
        int called = 0;
        try {
            for (Link link : links) {
                called++;
                Object event = recording ? FlightEvents.receiverStarted() : null;
                Object value;
                try {
                    value = link.reply(signal, sender, payload);
                } catch (Exception e) {
                    if (event != null) {
                        FlightEvents.receiverEnded(event, signal, link, e);
                        event = null;
                    }
                    if (!way.robust()) {
                        if (waiting) {
                            settle(signal, replied, values, count, way); // a stage before it may fail first
                        }
                        throw way.failure(signal, link, e);
                    }
                    value = failed(signal, link, e, way);
                }
                if (event != null) {
                    value = FlightEvents.answered(event, signal, link, value);
                }
                if (value == Link.GONE) {
                    if (replied == links) {
                        replied = links.clone();
                    }
                    continue;
                }
                if (replied != links) {
                    replied[count] = link;
                }
                if (value instanceof CompletionStage) {
                    waiting = true;
                    if (values == null) {
                        values = new Object[links.length];
                    }
                }
                if (values != null) {
                    values[count] = value;
                }
                count++;
            }
            if (waiting) {
                settle(signal, replied, values, count, way);
            }
        } finally {
            if (flight != null) {
                FlightEvents.sendEnded(flight, signal, sender, called);
            }
        }
        return way.replies ? new Replies(replied, values, count) : null;
    }

    /** Waits, in connection order, for every stage among the values, and puts its result in its place. */
    private static void settle(Signal<?> signal, Link[] links, Object[] values, int count, Way way) {
        for (int i = 0; i < count; i++) {
            if (values[i] instanceof CompletionStage) {
                try {
                    values[i] = Stages.await(values[i]);
                } catch (Exception e) {
                    if (!way.robust()) {
                        throw way.failure(signal, links[i], e);
                    }
                    values[i] = failed(signal, links[i], e, way);
                }
            }
        }
    }

    /** A robust send's reply for a receiver that threw: logged unless a host reports it, and kept in place of a value. */
    private static Replies.Failed failed(Signal<?> signal, Object receiver, Exception error, Way way) {
        keepInterrupt(error);
        if (way == Way.ROBUST) {
            logRobustFailure(signal, receiver, error);
        } else if (way == Way.AFTER_END) {
            Log.CORE.log(Level.ERROR, () -> "Error calling " + Descriptions.receiver(receiver) + " "
                    + ((Link) receiver).phase.text() + " of a send of signal '" + signal.name() + "' (" + error
                    + "); the transaction's outcome stands and the other receivers were called", error);
        }
        return new Replies.Failed(error);
    }

    /** Keeps a thread's interrupt visible when a receiver's InterruptedException is caught. */
    static void keepInterrupt(Throwable caught) {
        if (caught instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }

    static void logRobustFailure(Signal<?> signal, Object receiver, Throwable error) {
        Log.CORE.log(Level.ERROR, () -> "Error calling " + Descriptions.receiver(receiver)
                + " in sendRobust of signal '" + signal.name() + "' (" + error + ")", error);
    }

    // ------------------------------------------------------------- receivers with a phase

    /**
     * A blocking send over a route with receivers that wait for a transaction phase: queues them
     * on the thread's transaction first, so that an after-rollback receiver still hears a send
     * whose other receivers failed and rolled the transaction back; then calls the others as
     * {@code way} does. Outside a transaction the send counts as committed at once, after the
     * others, as Django's {@code on_commit} runs at once outside {@code atomic}.
     *
     * @return the replies for ways that keep them, else null
     */
    static List<Reply> deferring(Signal<?> signal, Index.Route route, Object sender, Object payload, Way way) {
        Deferral deferral = new Deferral(signal, route.deferred, sender, payload);
        HostTransaction transaction = Transactions.hostTransaction();
        if (transaction != null) {
            transaction.defer(deferral);
        }
        List<Reply> replies;
        if (way == Way.FIRE) {
            fire(signal, route, sender, payload);
            replies = null;
        } else if (way == Way.SEND) {
            replies = send(signal, route, sender, payload);
        } else {
            replies = route.links.length == 0 ? List.of() : collect(signal, route.links, sender, payload, way);
        }
        if (transaction == null) {
            deferral.outsideTransaction(way.robust());
        }
        return replies;
    }

    /** One send's receivers with a phase, queued on a transaction until it ends. */
    static final class Deferral implements TransactionWork {
        private static final Link[] NONE = new Link[0];

        private final Signal<?> signal;
        private final Link[] links;
        private final Object sender;
        private final Object payload;

        Deferral(Signal<?> signal, Link[] links, Object sender, Object payload) {
            this.signal = signal;
            this.links = links;
            this.sender = sender;
            this.payload = payload;
        }

        @Override
        public void beforeCommit() {
            call(TransactionPhase.BEFORE_COMMIT, null, false, Way.HOST);
        }

        @Override
        public void afterCompletion(boolean committed) {
            TransactionOutcome outcome = committed ? TransactionOutcome.COMMITTED : TransactionOutcome.ROLLED_BACK;
            call(committed ? TransactionPhase.AFTER_COMMIT : TransactionPhase.AFTER_ROLLBACK, outcome, false,
                    Way.AFTER_END);
        }

        /**
         * A send outside any transaction: as if it committed at once, except for receivers that
         * asked to be skipped. A robust send logs a before-commit receiver's exception rather
         * than throwing it, as it does for every receiver.
         */
        void outsideTransaction(boolean robust) {
            call(TransactionPhase.BEFORE_COMMIT, null, true, robust ? Way.AFTER_END : Way.HOST);
            call(TransactionPhase.AFTER_COMMIT, TransactionOutcome.COMMITTED, true, Way.AFTER_END);
        }

        /**
         * Calls, in connection order, the links of a phase; for the after phases, those waiting
         * for any outcome too.
         */
        private void call(TransactionPhase phase, TransactionOutcome outcome, boolean outside, Way way) {
            Link[] chosen = choose(phase, outcome != null, outside);
            if (chosen.length == 0) {
                return;
            }
            TransactionOutcome before = Transactions.OUTCOME.get();
            Transactions.OUTCOME.set(outcome);
            try {
                collect(signal, chosen, sender, payload, way);
            } finally {
                if (before == null) {
                    Transactions.OUTCOME.remove();
                } else {
                    Transactions.OUTCOME.set(before);
                }
            }
        }

        /** The links to call now; the send's own array when all of them are, so that the common case copies nothing. */
        private Link[] choose(TransactionPhase phase, boolean afterEnd, boolean outside) {
            int count = 0;
            for (Link link : links) {
                count += chosen(link, phase, afterEnd, outside) ? 1 : 0;
            }
            if (count == links.length || count == 0) {
                return count == 0 ? NONE : links;
            }
            Link[] chosen = new Link[count];
            int i = 0;
            for (Link link : links) {
                if (chosen(link, phase, afterEnd, outside)) {
                    chosen[i++] = link;
                }
            }
            return chosen;
        }

        private static boolean chosen(Link link, TransactionPhase phase, boolean afterEnd, boolean outside) {
            return (link.phase == phase || afterEnd && link.phase == TransactionPhase.AFTER_COMPLETION)
                    && !(outside && link.onlyInTransaction);
        }
    }

    // --------------------------------------------------------------------- asynchronous sends

    /** Calls every link on the executor, then completes once every answer is in. */
    static CompletableFuture<List<Reply>> sendAsync(Signal<?> signal, Link[] links, Object sender, Object payload,
                                                    boolean robust, Executor executor) {
        return CompletableFuture.supplyAsync(() -> start(signal, links, sender, payload, robust), executor)
                .thenCompose(AsyncSend::finish);
    }

    /**
     * {@link #sendAsync} over a route with receivers that wait for a phase: they are queued on
     * the transaction of the thread that sends, which is where the transaction is; outside one,
     * they run once the others succeeded (a robust send always does), on the thread that
     * completes the send.
     */
    static CompletableFuture<List<Reply>> sendAsyncDeferring(Signal<?> signal, Index.Route route, Object sender,
                                                            Object payload, boolean robust, Executor executor) {
        Deferral deferral = new Deferral(signal, route.deferred, sender, payload);
        HostTransaction transaction = Transactions.hostTransaction();
        if (transaction != null) {
            transaction.defer(deferral);
        }
        CompletableFuture<List<Reply>> replies = route.links.length == 0 ? CompletableFuture.completedFuture(List.of())
                : sendAsync(signal, route.links, sender, payload, robust, executor);
        if (transaction != null) {
            return replies;
        }
        return replies.thenApply(list -> {
            deferral.outsideTransaction(robust);
            return list;
        });
    }

    /** Calls every receiver of an asynchronous send; runs on the executor. */
    private static AsyncSend start(Signal<?> signal, Link[] links, Object sender, Object payload, boolean robust) {
        boolean recording = Flight.recording;
        AsyncSend send = new AsyncSend(signal, sender, robust, recording ? FlightEvents.sendStarted() : null);
        for (Link link : links) {
            send.called++;
            Object event = recording ? FlightEvents.receiverStarted() : null;
            Object value;
            try {
                value = link.reply(signal, sender, payload);
            } catch (Exception e) {
                keepInterrupt(e);
                if (event != null) {
                    FlightEvents.receiverEnded(event, signal, link, e);
                }
                send.add(link, CompletableFuture.failedFuture(e));
                if (!robust) {
                    // The receivers after it are not called, but a stage answered before it may
                    // still fail, and the first failure in connection order is the one reported.
                    break;
                }
                continue;
            }
            if (event != null) {
                value = FlightEvents.answered(event, signal, link, value);
            }
            if (value != Link.GONE) {
                send.add(link, value instanceof CompletionStage ? Stages.follow((CompletionStage<?>) value)
                        : CompletableFuture.completedFuture(value));
            }
        }
        return send;
    }

    /**
     * Where the asynchronous sends run when the caller names no executor: a new virtual thread
     * per send on JDK 21 and later, so that receivers that block (the usual reason to send
     * asynchronously) do not wait for each other; the common {@link ForkJoinPool} before, whose
     * parallelism is one less than the number of cores.
     */
    static Executor defaultExecutor() {
        return DefaultExecutor.EXECUTOR;
    }

    /** Made on the first asynchronous send without an executor, not when a signal is first used. */
    private static final class DefaultExecutor {
        static final Executor EXECUTOR = create();

        private static Executor create() {
            try {
                // Looked up at run time: this module compiles for release 17, which has no virtual threads.
                return (Executor) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
            } catch (NoSuchMethodException e) {
                return ForkJoinPool.commonPool(); // JDK 17 and 18
            } catch (ReflectiveOperationException | UnsupportedOperationException e) {
                // JDK 19 and 20 without --enable-preview refuse to make one.
                return ForkJoinPool.commonPool();
            }
        }
    }
}
