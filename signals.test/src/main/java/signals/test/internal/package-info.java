/**
 * Service providers of {@code signals.test} that must be public without being API: the
 * {@link signals.core.spi.SignalAdapter} that describes the module. Not exported.
 *
 * @since 0.1
 */
package signals.test.internal;
