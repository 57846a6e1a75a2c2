/**
 * Fires Django's {@code connection_created} for every new physical JDBC connection, so that
 * receivers can prepare it (session time zone, {@code search_path}, SQLite pragmas, statement
 * timeouts) before anyone uses it.
 *
 * <p>Two ways in, neither needing code in the application's data access:
 * <ul>
 *   <li>{@link signals.jdbc.SignalsDataSource}, a {@link javax.sql.DataSource} that wraps another
 *       one, or opens connections from a JDBC URL, and is configurable by class name and JavaBean
 *       properties, as pools and containers configure data sources;</li>
 *   <li>{@link signals.jdbc.SignalsDriver}, a {@link java.sql.Driver} for URLs that start with
 *       {@code jdbc:signals:}, which hands the rest of the URL to the real driver; changing the URL
 *       is all a pool, Hibernate or a tool needs.</li>
 * </ul>
 * The signal itself is {@link signals.jdbc.ConnectionSignals#CONNECTION_CREATED}.
 *
 * <p>The module reflects over nothing and opens nothing. It finds the real drivers through
 * {@link java.sql.DriverManager}, which loads them with {@link java.util.ServiceLoader}.
 *
 * @provides java.sql.Driver the {@code jdbc:signals:} driver, so that {@code DriverManager} and
 *     every pool that asks it find the driver from the URL alone
 * @provides signals.core.spi.SignalAdapter describes this module and its signal to
 *     {@code signals.core}, for the inventory and for its missing-adapter warning
 */
module signals.jdbc {
    requires transitive signals.core;
    requires transitive java.sql;

    exports signals.jdbc;

    provides java.sql.Driver with signals.jdbc.SignalsDriver;
    provides signals.core.spi.SignalAdapter with signals.jdbc.internal.JdbcAdapter;
}
