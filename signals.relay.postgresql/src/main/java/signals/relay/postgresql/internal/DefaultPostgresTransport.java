package signals.relay.postgresql.internal;

import java.io.IOException;
import signals.relay.postgresql.PostgresRelay;
import signals.relay.spi.Transport;
import signals.relay.spi.TransportContext;
import signals.relay.spi.TransportSession;

/**
 * The transport a relay finds with {@link java.util.ServiceLoader} when it is given none:
 * {@link PostgresRelay#fromEnvironment()}, read when the relay starts.
 *
 * @since 0.10
 */
public final class DefaultPostgresTransport implements Transport {

    /** Called by {@link java.util.ServiceLoader}. */
    public DefaultPostgresTransport() {
    }

    /**
     * Names the database of the system property, or says in a few words that none is set (the
     * failure to start says what to set); never throws.
     */
    @Override
    public String description() {
        try {
            return PostgresRelay.fromEnvironment().description();
        } catch (RuntimeException e) {
            return "PostgreSQL (no " + PostgresRelay.URL_PROPERTY + ")";
        }
    }

    /**
     * Opens a session on the database of the system property.
     *
     * @throws IOException when no URL is set, or as {@link PostgresRelay#open} does
     */
    @Override
    public TransportSession open(TransportContext context) throws IOException {
        PostgresRelay transport;
        try {
            transport = PostgresRelay.fromEnvironment();
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
        return transport.open(context);
    }
}
