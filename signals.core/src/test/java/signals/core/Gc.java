package signals.core;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Runs the garbage collector until a condition holds, for at most ten seconds. */
final class Gc {

    private Gc() {
    }

    static boolean until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            System.gc();
            Thread.sleep(10);
        }
        return true;
    }
}
