package signals.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import signals.core.ReceiverException;
import signals.core.Signal;
import signals.core.spi.SignalAdapter;

/**
 * Sends {@code connection_created} for a connection that was just opened, and makes sure a
 * failing receiver costs the caller an exception, never a leaked connection.
 *
 */
final class Announcer {

    private Announcer() {
    }

    /**
     * Fires {@link ConnectionSignals#CONNECTION_CREATED} for a new connection.
     *
     * @param connection the connection the driver has just opened, not null
     * @param alias the data source's name, the sender, not null
     * @param url the URL without password, or null
     * @return the same connection, ready for the caller
     * @throws SQLException if the signal could not be sent: a receiver threw (its exception is
     *     the cause) or receiver discovery failed (signals.core's exception is the cause); the
     *     connection is closed by then, and the thread interrupted again if a receiver threw
     *     {@link InterruptedException}
     */
    static Connection announce(Connection connection, String alias, String url) throws SQLException {
        Signal<ConnectionCreated> signal = ConnectionSignals.CONNECTION_CREATED;
        try {
            // Inside the try: a failed receiver discovery throws here too, and must not leak the
            // connection. No hasListeners() guard: asked from a provider while receivers are being
            // discovered, it would say "nobody" and the connection would go out unprepared, where
            // fire says that it is too early. One small payload per physical connection is nothing.
            // A host event wraps unchecked exceptions of receivers too, so that the message
            // names the receiver and the signal whatever the receiver threw.
            SignalAdapter.event(signal, alias).fire(new ConnectionCreated(connection, alias, url));
            return connection;
        } catch (RuntimeException e) {
            Throwable cause = e instanceof ReceiverException && e.getCause() != null ? e.getCause() : e;
            SQLException failure = cause instanceof SQLException
                    ? new SQLException(message(alias, url, e), ((SQLException) cause).getSQLState(),
                            ((SQLException) cause).getErrorCode(), cause)
                    : new SQLException(message(alias, url, e), cause);
            // A receiver's InterruptedException leaves the thread interrupted: signals.core's
            // ReceiverException sets the flag again when it wraps one, before this close.
            closeAfter(connection, failure);
            throw failure;
        } catch (Error e) {
            closeAfter(connection, e);
            throw e;
        }
    }

    /**
     * Says what failed: a receiver's exception arrives in a ReceiverException that names the
     * receiver and the signal; anything else comes from signals.core itself (a failed discovery,
     * a send during discovery) and blames no receiver.
     */
    private static String message(String alias, String url, RuntimeException thrown) {
        // A ReceiverException's own message names the receiver and its exception.
        String what = thrown instanceof ReceiverException ? thrown.getMessage() : thrown.toString();
        return "could not announce the new connection of data source '" + alias + "'"
                + (url == null || url.equals(alias) ? "" : " (" + url + ")")
                + ": " + what + "; the connection was closed";
    }

    private static void closeAfter(Connection connection, Throwable failure) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
