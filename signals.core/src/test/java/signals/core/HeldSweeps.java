package signals.core;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds the sweeps of dead weak connections back for each test ({@link Sweeper#holdBack()}), so
 * that a connection whose owner was collected stays in its route until the test ends: the window
 * a real sweep leaves open only by chance. Registered on an instance field with
 * {@code @RegisterExtension}.
 */
final class HeldSweeps implements BeforeEachCallback, AfterEachCallback {

    private AutoCloseable held;

    @Override
    public void beforeEach(ExtensionContext context) {
        held = Sweeper.holdBack();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        held.close();
    }

    /** Lets the sweeps held so far run, then holds the next ones back again. */
    void releaseAndHoldAgain() throws Exception {
        held.close();
        held = Sweeper.holdBack();
    }
}
