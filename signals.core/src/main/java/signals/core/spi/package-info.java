/**
 * For adapter modules only: how an adapter describes itself to {@code signals.core}.
 *
 * <p>Applications never implement anything here; they implement
 * {@link signals.core.ReceiverProvider}. An adapter declares its built-in signals with
 * {@link signals.core.Signal#builder} and {@link signals.core.Signal.Builder#firedBy}, fires them
 * with the ordinary {@link signals.core.Signal} methods, and provides one
 * {@link signals.core.spi.SignalAdapter}.
 */
package signals.core.spi;
