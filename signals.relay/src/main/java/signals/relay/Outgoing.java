package signals.relay;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import signals.core.Transactions;
import signals.relay.spi.TransportSession;
import signals.relay.spi.WireMessage;

/**
 * The sending half of a relay: a bounded queue filled by the relay's receivers after each
 * commit, and one thread that publishes it in order, retrying a message until the broker
 * confirms it. The queue is why a committing thread never waits for the broker, unless the
 * broker has been away for as long as {@link #maxWaiting} sends take.
 *
 * <p>When nothing is queued or unconfirmed, a send is handed to the broker by the sending
 * thread itself, if the transport can do that without waiting
 * ({@link TransportSession#publishNow}): a relayed send between quiet moments then reaches the
 * broker without waking the publishing thread, which only checks the confirmation later (or
 * the next send does). At most one batch is ever unconfirmed, so order needs nothing more.
 *
 * <p>While a batch of remote sends is delivered ({@link #hold}), a send its receivers make on
 * that thread, and every send queued after it, waits until the batch ends, a full batch waits,
 * or {@link #HOLD_MILLIS} have passed: a burst of answers then leaves in one publish instead of
 * its first answer alone and the rest after it, which for a transport that commits each publish
 * is one commit instead of two.
 */
final class Outgoing {

    static final long FIRST_RETRY_MILLIS = 50;
    static final long LAST_RETRY_MILLIS = 2_000;
    /** The most sends published in one batch. */
    static final int BATCH = 256;
    /** How long the publishing thread waits for a send handed over directly before publishing it again. */
    static final long CONFIRM_MILLIS = 5_000;
    /** How often an idle publishing thread looks at a send handed over directly. */
    static final long IDLE_MILLIS = 100;
    /** The longest a send made while a batch is delivered waits for the end of the batch. */
    static final long HOLD_MILLIS = 5;

    private final Relay relay;
    private final TransportSession session;
    private final int maxWaiting;
    private final int limit;
    /** How long a send waits for room in a full queue before it is dropped. */
    private final long fullWaitMillis;
    private final String boot;
    private final long holdNanos;
    /** Guards the queue and the fields after it, up to {@link #thread}; waited on by both sides. */
    private final Object order = new Object();
    private final Deque<WireMessage> queue = new ArrayDeque<>();
    private boolean publishing; // the publishing thread holds a batch
    private WireMessage direct; // handed to the broker by a sending thread, not yet known confirmed
    private Future<?> directConfirmation;
    private Thread holder; // delivering a batch of remote sends; null when none
    /** Where the holder's first send of the batch stands in the queue: the sends from there wait; -1 when none. */
    private int held = -1;
    private long holdUntil; // System.nanoTime() when the sends from held go anyway
    private final Thread thread;
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean closing;
    private volatile int inFlight;

    final AtomicLong relayed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();

    Outgoing(Relay relay, TransportSession session, int maxWaiting, long fullWaitMillis, long holdMillis) {
        this.relay = relay;
        this.holdNanos = TimeUnit.MILLISECONDS.toNanos(holdMillis);
        this.fullWaitMillis = fullWaitMillis;
        this.session = session;
        this.maxWaiting = maxWaiting;
        this.limit = session.maxMessageBytes();
        // Ids must not repeat across restarts of one instance: the broker deduplicates by id.
        this.boot = Long.toString(System.currentTimeMillis(), 36);
        this.thread = new Thread(this::run, "signals-relay-publish " + relay.name());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Writes one local send as a message, during the send; throws, naming the signal, when the
     * codec fails or the message is over the broker's limit.
     */
    WireMessage prepare(Binding<?> binding, Object sender, Object payload) {
        String signal = binding.signal.name();
        byte[] body;
        try {
            body = binding.encode(payload);
        } catch (IOException | RuntimeException e) {
            dropped.incrementAndGet();
            throw new IllegalArgumentException("signal '" + signal + "' was not relayed by " + relay.name()
                    + ": its codec failed: " + e.getMessage(), e);
        }
        String id = relay.instanceId() + "-" + boot + "-" + sequence.incrementAndGet();
        WireMessage message = Wire.write(signal, new Remote(relay.instanceId(), Wire.describe(sender), id,
                Instant.now()), body);
        if (message.size() > limit) {
            dropped.incrementAndGet();
            throw new IllegalArgumentException("signal '" + signal + "' was not relayed: its message is "
                    + message.size() + " bytes (" + body.length + " of payload), over the limit of " + limit
                    + " bytes of " + relay.transportDescription());
        }
        return message;
    }

    /**
     * Lets the transport write a prepared message into the sending transaction (an outbox), when
     * the send is inside one; true when it did, and the message then counts as relayed once the
     * transaction commits. A failed write fails the send, naming the signal, so that the
     * transaction cannot commit without its message.
     */
    boolean writeInTransaction(String signal, WireMessage message) {
        if (!Transactions.isActive()) {
            return false;
        }
        boolean written;
        try {
            written = session.publishInTransaction(message);
        } catch (IOException | RuntimeException e) {
            dropped.incrementAndGet();
            throw new IllegalStateException("signal '" + signal + "' was not relayed by " + relay.name()
                    + ": writing it in the sending transaction failed: " + e.getMessage(), e);
        }
        if (written) {
            Transactions.onCommit(relayed::incrementAndGet);
        }
        return written;
    }

    /**
     * Queues a prepared message, once its transaction committed, or hands it to the broker at once
     * when nothing is waiting before it; throws, naming the signal, when the relay is closed or
     * the queue stayed full.
     */
    void queue(String signal, WireMessage message) {
        synchronized (order) {
            if (closing) {
                dropped.incrementAndGet();
                throw new IllegalStateException("signal '" + signal + "' was not relayed: " + relay.name() + " is closed");
            }
            countConfirmed();
            boolean holding = holder == Thread.currentThread();
            if (!holding && direct == null && !publishing && queue.isEmpty() && publishNow(message)) {
                return;
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(fullWaitMillis);
            try {
                while (queue.size() >= maxWaiting) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        dropped.incrementAndGet();
                        throw new IllegalStateException("signal '" + signal + "' was not relayed: " + queue.size()
                                + " sends of " + relay.name() + " are waiting for " + relay.transportDescription()
                                + ", which has not confirmed any for " + fullWaitMillis + " ms");
                    }
                    TimeUnit.NANOSECONDS.timedWait(order, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                dropped.incrementAndGet();
                throw new IllegalStateException("signal '" + signal + "' was not relayed: interrupted while "
                        + relay.name() + "'s queue was full", e);
            }
            if (holding && held < 0) {
                held = queue.size();
                holdUntil = System.nanoTime() + holdNanos;
            }
            queue.add(message);
            // The publishing thread is woken unless the hold keeps this send back and the thread
            // knows it already: it learnt when the hold ends from the first send it found held.
            if (takeable() > held || queue.size() == 1) {
                order.notifyAll();
            }
        }
    }

    /** The calling thread is about to deliver a batch of remote sends: its sends wait for the end. */
    void hold() {
        synchronized (order) {
            holder = Thread.currentThread();
        }
    }

    /** The batch is delivered: what its sends held back goes now. */
    void release() {
        synchronized (order) {
            holder = null;
            held = -1;
            order.notifyAll();
        }
    }

    /** How many queued sends the publishing thread may take now. */
    private int takeable() {
        if (held < 0 || closing || queue.size() - held >= BATCH || System.nanoTime() - holdUntil >= 0) {
            return queue.size();
        }
        return held;
    }

    /** Hands a message to the broker on this thread, when the transport can without waiting. */
    private boolean publishNow(WireMessage message) {
        Future<?> confirmation;
        try {
            confirmation = session.publishNow(message);
        } catch (IOException | RuntimeException e) {
            return false; // the publishing thread retries it, and says why
        }
        if (confirmation == null) {
            return false;
        }
        direct = message;
        directConfirmation = confirmation;
        return true;
    }

    /** Whether a confirmation has come, and says stored; never waits. */
    private static boolean confirmed(Future<?> confirmation) {
        if (!confirmation.isDone()) {
            return false;
        }
        try {
            confirmation.get();
            return true;
        } catch (ExecutionException | CancellationException e) {
            return false; // the publishing thread publishes it again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the sender's, kept; the publishing thread settles it
            return false;
        }
    }

    /**
     * Counts the send handed over directly as relayed once its confirmation has come, so that the
     * counts read true without waiting for the publishing thread to look.
     */
    void countConfirmed() {
        synchronized (order) {
            if (direct != null && confirmed(directConfirmation)) {
                direct = null;
                directConfirmation = null;
                relayed.incrementAndGet();
            }
        }
    }

    long waiting() {
        synchronized (order) {
            return queue.size() + inFlight + (direct == null ? 0 : 1);
        }
    }

    private void run() {
        List<WireMessage> batch = new ArrayList<>(BATCH);
        try {
            while (true) {
                WireMessage handedOver;
                Future<?> confirmation;
                synchronized (order) {
                    publishing = false;
                    inFlight = 0;
                    order.notifyAll(); // room in the queue
                    if (takeable() == 0 && direct == null) {
                        if (closing) {
                            return;
                        }
                        order.wait(held < 0 || queue.isEmpty() ? IDLE_MILLIS
                                : Math.max(1, TimeUnit.NANOSECONDS.toMillis(holdUntil - System.nanoTime()) + 1));
                    }
                    handedOver = direct;
                    confirmation = directConfirmation;
                    direct = null;
                    directConfirmation = null;
                    if (handedOver == null) {
                        int ready = Math.min(BATCH, takeable());
                        while (batch.size() < ready) {
                            batch.add(queue.poll());
                        }
                        held = held < 0 ? -1 : Math.max(0, held - ready);
                        if (batch.isEmpty()) {
                            continue;
                        }
                    }
                    publishing = true;
                    inFlight = handedOver == null ? batch.size() : 1;
                }
                if (handedOver != null) {
                    settle(handedOver, confirmation);
                } else {
                    publish(batch);
                    batch.clear();
                }
            }
        } catch (InterruptedException e) {
            // close() gave up waiting: what is left in the queue is counted there.
            dropped.addAndGet(inFlight);
            inFlight = 0;
        }
    }

    /** Waits for a send handed over directly; publishes it again (deduplicated by id) if it failed. */
    private void settle(WireMessage message, Future<?> confirmation) throws InterruptedException {
        try {
            confirmation.get(CONFIRM_MILLIS, TimeUnit.MILLISECONDS);
            relayed.incrementAndGet();
        } catch (ExecutionException | CancellationException | TimeoutException e) {
            publish(List.of(message));
        }
    }

    private void publish(List<WireMessage> batch) throws InterruptedException {
        long wait = FIRST_RETRY_MILLIS;
        boolean failing = false;
        while (true) {
            try {
                session.publish(batch);
                relayed.addAndGet(batch.size());
                if (failing) {
                    Relay.LOG.log(Level.INFO, () -> relay.name() + " publishes to " + relay.transportDescription()
                            + " again");
                }
                return;
            } catch (IOException | RuntimeException e) {
                if (!failing) {
                    Relay.LOG.log(Level.WARNING, () -> relay.name() + " cannot publish to "
                            + relay.transportDescription() + " (" + e + "); retrying until it can, "
                            + waiting() + " sends waiting", e);
                    failing = true;
                }
                Thread.sleep(wait);
                wait = Math.min(wait * 2, LAST_RETRY_MILLIS);
            }
        }
    }

    /**
     * Stops taking sends, publishes what is queued for up to {@code drainMillis}, then stops the
     * thread; what could not be published in time is dropped, counted and logged.
     */
    void close(long drainMillis) {
        synchronized (order) {
            closing = true;
            order.notifyAll();
        }
        try {
            thread.join(drainMillis);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join();
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
        int left;
        synchronized (order) {
            left = queue.size() + (direct == null ? 0 : 1);
            queue.clear();
            direct = null;
            directConfirmation = null;
        }
        if (left > 0) {
            dropped.addAndGet(left);
            Relay.LOG.log(Level.WARNING, () -> relay.name() + " closed with " + left + " sends not relayed: "
                    + relay.transportDescription() + " did not confirm them within " + drainMillis + " ms");
        }
    }
}
