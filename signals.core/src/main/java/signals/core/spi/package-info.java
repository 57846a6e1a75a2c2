/**
 * For adapter modules only: how an adapter describes itself to {@code signals.core}.
 *
 * <p>Applications never implement anything here; they implement
 * {@link signals.core.ReceiverProvider}. An adapter declares its built-in signals with
 * {@link signals.core.spi.SignalAdapter#declare}, fires them with the ordinary
 * {@link signals.core.Signal} methods, and provides one {@link signals.core.spi.SignalAdapter}.
 * Tools that watch sends (recorders, per-thread mutes) install a
 * {@link signals.core.spi.SendObserver}.
 */
package signals.core.spi;
