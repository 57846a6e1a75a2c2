package signals.jdbc;

import java.sql.Connection;
import java.util.Objects;

/**
 * The payload of {@link ConnectionSignals#CONNECTION_CREATED}: the new connection and the data
 * source it came from.
 *
 * <p>The connection is the driver's own, not a wrapper: receivers may run SQL on it, change its
 * settings, and {@code unwrap} it to the driver's class. They must not close it, and should leave
 * it as they would like the application to find it (for example, commit what they started with
 * auto-commit off).
 *
 * @param connection the new physical connection, as the driver opened it; never null
 * @param alias the name of the data source, also the signal's sender: the
 *     {@linkplain SignalsDataSource#setAlias alias} of a {@link SignalsDataSource}, or the
 *     {@value SignalsDriver#ALIAS_PROPERTY} connection property given to {@link SignalsDriver}
 *     (by default, the target URL without password); never null
 * @param url the JDBC URL the connection was opened for, with passwords masked, or null when a
 *     {@link SignalsDataSource} wraps another {@code DataSource}, which does not tell its URL
 * @since 0.1
 */
public record ConnectionCreated(Connection connection, String alias, String url) {

    /**
     * Checks the components.
     *
     * @param connection the new connection, not null
     * @param alias the data source's name, not null
     * @param url the URL without password, or null
     * @throws NullPointerException if the connection or the alias is null
     */
    public ConnectionCreated {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(alias, "alias");
    }
}
