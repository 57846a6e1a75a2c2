/**
 * The PostgreSQL transport of {@code signals.relay}: an outbox table that a relayed send inside a
 * database transaction is written into, in that same transaction; {@code LISTEN}/{@code NOTIFY}
 * to wake the other instances, with a periodic read as the fallback; and a position per instance,
 * so that an instance that was down catches up on what it missed.
 *
 * <p>{@link signals.relay.postgresql.PostgresRelay} is the API: the application's
 * {@link javax.sql.DataSource} and the table names. Without it, a relay that finds this module
 * alone connects to the JDBC URL in the system property {@code signals.relay.postgresql.url}
 * (else the environment variable {@code SIGNALS_RELAY_POSTGRESQL_URL}).
 *
 * @provides signals.relay.spi.Transport the default PostgreSQL transport, for a relay given none
 */
module signals.relay.postgresql {
    requires transitive signals.relay;
    requires transitive java.sql;
    requires org.postgresql.jdbc;
    // pgjdbc's own data source, used for a URL, is a JNDI Referenceable; pgjdbc, an automatic
    // module, declares nothing, so the module that uses it brings java.naming.
    requires java.naming;

    exports signals.relay.postgresql;

    provides signals.relay.spi.Transport with signals.relay.postgresql.internal.DefaultPostgresTransport;
}
