/**
 * For adapter modules only: how an adapter describes itself to {@code signals.core}.
 *
 * <p>Applications never implement anything here; they implement
 * {@link signals.core.ReceiverProvider}. An adapter declares its built-in signals with
 * {@link signals.core.spi.SignalAdapter#declare}, sends each host event with one
 * {@link signals.core.spi.HostEvent} ({@link signals.core.spi.SignalAdapter#event}: one route
 * look-up, a cheap "is anyone hearing?", then the send), and provides one
 * {@link signals.core.spi.SignalAdapter}. {@link signals.core.spi.ClassLoaders} answers what a
 * host that deploys applications asks about loaders and optional modules. Tools that watch sends
 * (recorders, per-thread mutes) install a {@link signals.core.spi.SendObserver}. An adapter whose
 * host runs transactions returns a {@link signals.core.spi.TransactionHost} from
 * {@link signals.core.spi.SignalAdapter#transactionHost()}: the thread's
 * {@link signals.core.spi.HostTransaction}, on which the core queues the
 * {@link signals.core.spi.TransactionWork} of receivers that wait for a transaction phase.
 *
 * <p>This package reaches the core's package-private machinery through one door only,
 * {@code signals.core.internal.SpiBridge}, which the core opens once from {@code Signal}'s class
 * initializer.
 */
package signals.core.spi;
