package signals.relay;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import signals.relay.spi.Transport;
import signals.relay.spi.TransportContext;
import signals.relay.spi.TransportSession;
import signals.relay.spi.WireMessage;

/**
 * A broker in memory for the relay's own tests: one ordered log per application, a position per
 * instance, deduplication by message id, and faults on demand (failing or blocked publishes,
 * a redelivery). The NATS module tests the relay against a real broker; this one lets the
 * relay's machinery be tested, and mutated, without one.
 */
final class LoopTransport implements Transport {

    final List<WireMessage> log = new ArrayList<>(); // guarded by this
    private final Set<String> ids = new LinkedHashSet<>(); // guarded by this
    private final Map<String, Integer> positions = new HashMap<>(); // guarded by this
    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger opened = new AtomicInteger();
    volatile CountDownLatch gate;
    volatile int limit = 1_000;
    volatile boolean refuse;

    /** How {@link TransportSession#publishNow} answers. */
    enum Direct {
        /** Cannot: returns null, as a transport without the feature. */
        NONE,
        /** Stores the message and confirms it at once. */
        STORE,
        /** Stores the message; {@link #pending} confirms it when the test says. */
        LATER,
        /** Loses the message: a failed confirmation. */
        LOSE,
        /** Throws, as a transport that is not connected. */
        THROW
    }

    volatile Direct direct = Direct.NONE;
    /** Whether a send inside a transaction is written into it, as an outbox transport does. */
    volatile boolean outbox;
    /** The messages written into sending transactions. */
    final List<WireMessage> inTransaction = java.util.Collections.synchronizedList(new ArrayList<>());
    /** How many messages each session hands over at a time: above one, with {@code deliverAll}. */
    volatile int batchOf = 1;
    /** Each batch published with publish: the publishing thread's name, a space, the batch's size. */
    final List<String> published = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Threads that handed a message over with publishNow, and the messages' ids. */
    final List<String> handedOver = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Threads that published with publish. */
    final List<String> publishers = java.util.Collections.synchronizedList(new ArrayList<>());
    final java.util.concurrent.CompletableFuture<Void> pending = new java.util.concurrent.CompletableFuture<>();

    @Override
    public String description() {
        return "loop";
    }

    @Override
    public TransportSession open(TransportContext context) throws IOException {
        if (refuse) {
            throw new IOException("refused by the loop");
        }
        opened.incrementAndGet();
        return new Session(context);
    }

    /** Appends a message as if another instance had published it. */
    synchronized void inject(WireMessage message) {
        log.add(message);
        notifyAll();
    }

    synchronized int size() {
        return log.size();
    }

    final class Session implements TransportSession {
        private final TransportContext context;
        private final Thread thread;
        private volatile boolean open = true;
        private volatile long behind = -1;

        Session(TransportContext context) {
            this.context = context;
            this.thread = new Thread(this::deliver, "loop " + context.instanceId());
            thread.start();
        }

        private void deliver() {
            while (true) {
                List<WireMessage> next;
                int position;
                synchronized (LoopTransport.this) {
                    position = positions.getOrDefault(context.instanceId(), 0);
                    while (open && position + batchOf > log.size()) {
                        try {
                            LoopTransport.this.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (!open) {
                        return;
                    }
                    next = new ArrayList<>(log.subList(position, position + batchOf));
                    behind = log.size() - position - next.size();
                }
                if (next.size() == 1) {
                    context.deliver(next.get(0));
                } else {
                    context.deliverAll(next);
                }
                synchronized (LoopTransport.this) {
                    positions.put(context.instanceId(), position + next.size());
                }
            }
        }

        @Override
        public int maxMessageBytes() {
            return limit;
        }

        @Override
        public void publish(List<WireMessage> batch) throws IOException, InterruptedException {
            CountDownLatch wait = gate;
            if (wait != null) {
                wait.await();
            }
            if (failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new IOException("the loop is down");
            }
            publishers.add(Thread.currentThread().getName());
            published.add(Thread.currentThread().getName() + " " + batch.size());
            store(batch);
        }

        private void store(List<WireMessage> batch) {
            synchronized (LoopTransport.this) {
                for (WireMessage message : batch) {
                    if (ids.add(message.id())) {
                        log.add(message);
                    }
                }
                LoopTransport.this.notifyAll();
            }
        }

        @Override
        public java.util.concurrent.Future<?> publishNow(WireMessage message) throws IOException {
            Direct mode = direct;
            if (mode == Direct.NONE) {
                return null;
            }
            if (mode == Direct.THROW) {
                throw new IOException("the loop cannot take it now");
            }
            handedOver.add(Thread.currentThread().getName() + " " + message.id());
            if (mode == Direct.LOSE) {
                return java.util.concurrent.CompletableFuture.failedFuture(new IOException("the loop lost it"));
            }
            store(List.of(message));
            return mode == Direct.STORE ? java.util.concurrent.CompletableFuture.completedFuture(null) : pending;
        }

        @Override
        public boolean publishInTransaction(WireMessage message) throws IOException {
            if (!outbox) {
                return TransportSession.super.publishInTransaction(message);
            }
            inTransaction.add(message);
            return true;
        }

        @Override
        public long behind() {
            return behind;
        }

        @Override
        public void close() {
            open = false;
            synchronized (LoopTransport.this) {
                LoopTransport.this.notifyAll();
            }
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
