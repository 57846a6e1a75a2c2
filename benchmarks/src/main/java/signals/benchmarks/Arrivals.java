package signals.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How the asynchronous benchmarks know that a send is over: every receiver arrives once, and the
 * sending thread waits until all have. The same object and the same wait for every contender, so
 * that each is timed from the send call to its last receiver, whatever its own API returns.
 */
final class Arrivals {

    // Replaced before each send, read by the executor's threads.
    private volatile CountDownLatch pending = new CountDownLatch(0);

    /** Starts a send that {@code receivers} receivers will arrive at. */
    void expect(int receivers) {
        pending = new CountDownLatch(receivers);
    }

    /** Called by a receiver when it has done its work. */
    void arrive() {
        pending.countDown();
    }

    /**
     * Waits until every receiver of the current send has arrived; a receiver that never runs
     * fails the benchmark instead of hanging it.
     */
    void await() {
        try {
            CountDownLatch latch = pending;
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(latch.getCount() + " receivers did not run within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the receivers", e);
        }
    }
}
