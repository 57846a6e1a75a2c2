package signals.jdbc;

import signals.core.Signal;
import signals.core.spi.SignalAdapter;

/**
 * The built-in signal of {@code signals.jdbc}.
 *
 * @since 0.1
 */
public final class ConnectionSignals {

    /**
     * Sent once for each new physical connection, after the driver has opened it and before
     * anyone else uses it: Django's {@code django.db.backends.signals.connection_created}.
     *
     * <p>The sender is the data source's alias, a {@link String}, so that a receiver can listen
     * to one data source only; the payload carries the connection. Whatever a receiver sets on the
     * connection (a session setting, a schema) holds for whoever uses the connection after it.
     * When a receiver throws, the connection is closed and the code that asked for it gets an
     * {@link java.sql.SQLException} whose cause is the receiver's exception.
     *
     * <pre>{@code
     * CONNECTION_CREATED.connect((signal, alias, created) -> {
     *     try (Statement statement = created.connection().createStatement()) {
     *         statement.execute("SET TIME ZONE 'Pacific/Auckland'");
     *     }
     * }, ConnectOption.sender("orders"));
     * }</pre>
     *
     * <p>Fired by {@link SignalsDataSource} and {@link SignalsDriver}; checking a connection out
     * of a pool does not fire it, only the pool opening one does.
     */
    public static final Signal<ConnectionCreated> CONNECTION_CREATED =
            SignalAdapter.declare("connection_created", ConnectionCreated.class, "signals.jdbc");

    private ConnectionSignals() {
    }
}
