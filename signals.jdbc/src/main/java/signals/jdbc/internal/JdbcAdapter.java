package signals.jdbc.internal;

import java.util.List;
import signals.core.Signal;
import signals.core.spi.SignalAdapter;
import signals.jdbc.ConnectionSignals;

/**
 * Describes {@code signals.jdbc} to {@code signals.core}'s discovery.
 *
 * @since 0.1
 */
public final class JdbcAdapter implements SignalAdapter {

    /** Called by {@link java.util.ServiceLoader}. */
    public JdbcAdapter() {
    }

    @Override
    public String host() {
        return "JDBC: SignalsDataSource wrapper and jdbc:signals: driver";
    }

    @Override
    public List<Signal<?>> signals() {
        return List.of(ConnectionSignals.CONNECTION_CREATED);
    }
}
