package signals.test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Executors whose one thread already exists, as a pool made before a test would be. */
final class Pools {

    private Pools() {
    }

    static ExecutorService started() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        run(pool, () -> { });
        return pool;
    }

    static void run(ExecutorService pool, Runnable task) throws Exception {
        pool.submit(task).get(10, TimeUnit.SECONDS);
    }
}
