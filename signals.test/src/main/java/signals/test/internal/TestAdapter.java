package signals.test.internal;

import java.util.List;
import signals.core.Signal;
import signals.core.spi.SignalAdapter;
import signals.test.TestSignals;

/**
 * Describes {@code signals.test} to {@code signals.core}'s discovery.
 *
 * @since 0.1
 */
public final class TestAdapter implements SignalAdapter {

    /** Called by {@link java.util.ServiceLoader}. */
    public TestAdapter() {
    }

    @Override
    public String host() {
        return "JUnit Jupiter: settings overrides";
    }

    @Override
    public List<Signal<?>> signals() {
        return List.of(TestSignals.SETTING_CHANGED);
    }
}
