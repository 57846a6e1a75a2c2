/**
 * Not API, and not exported: the service provider that must be public for
 * {@link java.util.ServiceLoader}, {@link signals.jdbc.internal.JdbcAdapter}. It uses the API
 * package {@code signals.jdbc} and is never used by it; the machinery behind the API
 * (announcing a connection, reading JDBC URLs) is package-private in {@code signals.jdbc}. See
 * {@code signals.core.internal} for the rule every module follows.
 */
package signals.jdbc.internal;
