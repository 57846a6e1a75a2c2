/**
 * Service providers of {@code signals.servlet} that must be public without being API: the
 * {@link signals.core.spi.SignalAdapter} that describes the module, and the container's
 * initializer. They use the API package and are never used by it; the machinery is
 * package-private in {@code signals.servlet}. Not exported.
 *
 * @since 0.1
 */
package signals.servlet.internal;
