package signals.relay.nats;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import signals.relay.spi.TransportContext;
import signals.relay.spi.WireMessage;

/**
 * The relay's side of a session, for tests that drive the session without a relay: instance
 * {@code me}, a retention of 10 minutes. It keeps the id of each message delivered, in order,
 * and holds the deliveries the test chose (the n-th one) until the test releases them, or for
 * 60 seconds at most. A held delivery that is interrupted notes it and returns after
 * {@link #lingering(long)} more milliseconds, with the interrupt kept.
 */
final class Receiver implements TransportContext {

    private final String application;
    private final List<String> ids = new CopyOnWriteArrayList<>();
    private final Map<Integer, CountDownLatch> gates = new ConcurrentHashMap<>();
    private volatile boolean interrupted;
    private volatile long lingerMillis;

    Receiver(String application) {
        this.application = application;
    }

    /** Holds the n-th delivery (from 1) until {@link #release(int)}. */
    Receiver holding(int n) {
        gates.put(n, new CountDownLatch(1));
        return this;
    }

    /** How long a held delivery still takes once interrupted. */
    Receiver lingering(long millis) {
        lingerMillis = millis;
        return this;
    }

    void release(int n) {
        gates.get(n).countDown();
    }

    /** Waits (30 s at most) until the n-th delivery began: it is held, if the test chose it. */
    void awaitDelivery(int n) throws InterruptedException {
        NatsRelayTests.await(() -> ids.size() >= n, () -> "delivered " + ids.size() + " of " + n + ": " + ids);
    }

    /** The ids of the messages delivered so far, in order. */
    List<String> ids() {
        return List.copyOf(ids);
    }

    /** Whether a held delivery was interrupted. */
    boolean interrupted() {
        return interrupted;
    }

    @Override
    public String application() {
        return application;
    }

    @Override
    public String instanceId() {
        return "me";
    }

    @Override
    public Duration retention() {
        return Duration.ofMinutes(10);
    }

    @Override
    public void deliver(WireMessage message) {
        ids.add(message.id());
        CountDownLatch gate = gates.get(ids.size());
        if (gate == null) {
            return;
        }
        try {
            gate.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
            try {
                Thread.sleep(lingerMillis);
            } catch (InterruptedException again) {
                // not interrupted twice by the session
            }
            Thread.currentThread().interrupt();
        }
    }
}
