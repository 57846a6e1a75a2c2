package signals.relay;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import signals.core.Transactions;
import signals.relay.spi.TransportSession;
import signals.relay.spi.WireMessage;

/**
 * The sending half of a relay: a bounded queue filled by the relay's receivers after each
 * commit, and one thread that publishes it in order, retrying a message until the broker
 * confirms it. The queue is why a committing thread never waits for the broker, unless the
 * broker has been away for as long as {@link #maxWaiting} sends take.
 */
final class Outgoing {

    static final long FIRST_RETRY_MILLIS = 50;
    static final long LAST_RETRY_MILLIS = 2_000;
    /** The most sends published in one batch. */
    static final int BATCH = 256;

    private final Relay relay;
    private final TransportSession session;
    private final BlockingQueue<WireMessage> queue;
    private final int limit;
    /** How long a send waits for room in a full queue before it is dropped. */
    private final long fullWaitMillis;
    private final String boot;
    private final Object order = new Object();
    private final Thread thread;
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean closing;
    private volatile int inFlight;

    final AtomicLong relayed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();

    Outgoing(Relay relay, TransportSession session, int maxWaiting, long fullWaitMillis) {
        this.relay = relay;
        this.fullWaitMillis = fullWaitMillis;
        this.session = session;
        this.queue = new LinkedBlockingQueue<>(maxWaiting);
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
     * Queues a prepared message, once its transaction committed; throws, naming the signal, when
     * the relay is closed or the queue stayed full.
     */
    void queue(String signal, WireMessage message) {
        synchronized (order) {
            if (closing) {
                dropped.incrementAndGet();
                throw new IllegalStateException("signal '" + signal + "' was not relayed: " + relay.name() + " is closed");
            }
            boolean queued;
            try {
                queued = queue.offer(message, fullWaitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                queued = false;
            }
            if (!queued) {
                dropped.incrementAndGet();
                throw new IllegalStateException("signal '" + signal + "' was not relayed: " + queue.size()
                        + " sends of " + relay.name() + " are waiting for " + relay.transportDescription()
                        + ", which has not confirmed any for " + fullWaitMillis + " ms");
            }
        }
    }

    long waiting() {
        return queue.size() + inFlight;
    }

    private void run() {
        List<WireMessage> batch = new ArrayList<>(BATCH);
        try {
            while (!closing || !queue.isEmpty()) {
                WireMessage first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    inFlight = batch.size();
                    publish(batch);
                    inFlight = 0;
                    batch.clear();
                }
            }
        } catch (InterruptedException e) {
            // close() gave up waiting: what is left in the queue is counted there.
            dropped.addAndGet(inFlight);
            inFlight = 0;
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
                            + queue.size() + " sends waiting", e);
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
        int left = queue.size();
        queue.clear();
        if (left > 0) {
            dropped.addAndGet(left);
            Relay.LOG.log(Level.WARNING, () -> relay.name() + " closed with " + left + " sends not relayed: "
                    + relay.transportDescription() + " did not confirm them within " + drainMillis + " ms");
        }
    }
}
