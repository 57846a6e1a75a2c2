package signals.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import signals.core.ReceiverException;
import signals.core.Signal;
import signals.jdbc.ConnectionCreated;
import signals.jdbc.ConnectionSignals;

/**
 * Sends {@code connection_created} for a connection that was just opened, and makes sure a
 * failing receiver costs the caller an exception, never a leaked connection.
 *
 * @since 0.1
 */
public final class Announcer {

    private Announcer() {
    }

    /**
     * Fires {@link ConnectionSignals#CONNECTION_CREATED} for a new connection.
     *
     * @param connection the connection the driver has just opened, not null
     * @param alias the data source's name, the sender, not null
     * @param url the URL without password, or null
     * @return the same connection, ready for the caller
     * @throws SQLException if a receiver threw (its exception is the cause); the connection is
     *     closed by then
     */
    public static Connection announce(Connection connection, String alias, String url) throws SQLException {
        Signal<ConnectionCreated> signal = ConnectionSignals.CONNECTION_CREATED;
        try {
            // Also inside the try: a failed receiver discovery throws here, and must not leak the connection.
            if (signal.hasListeners(alias)) {
                signal.fire(alias, new ConnectionCreated(connection, alias, url));
            }
            return connection;
        } catch (RuntimeException e) {
            Throwable cause = e instanceof ReceiverException && e.getCause() != null ? e.getCause() : e;
            SQLException failure = cause instanceof SQLException
                    ? new SQLException(message(alias, url, cause), ((SQLException) cause).getSQLState(),
                            ((SQLException) cause).getErrorCode(), cause)
                    : new SQLException(message(alias, url, cause), cause);
            closeAfter(connection, failure);
            throw failure;
        } catch (Error e) {
            closeAfter(connection, e);
            throw e;
        }
    }

    private static String message(String alias, String url, Throwable cause) {
        return "a receiver of connection_created for data source '" + alias + "'"
                + (url == null || url.equals(alias) ? "" : " (" + url + ")")
                + " failed, so the new connection was closed: " + cause;
    }

    private static void closeAfter(Connection connection, Throwable failure) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
