/**
 * Not API, and not exported: the service provider that must be public for
 * {@link java.util.ServiceLoader},
 * {@link signals.relay.postgresql.internal.DefaultPostgresTransport}. It uses the API package
 * {@code signals.relay.postgresql} and is never used by it. See {@code signals.core.internal}
 * for the rule every module follows.
 */
package signals.relay.postgresql.internal;
