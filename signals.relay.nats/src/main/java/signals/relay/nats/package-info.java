/**
 * Relaying over NATS JetStream: {@link signals.relay.nats.NatsRelay} names the server.
 *
 * <h2>Questions a reviewer asks</h2>
 * <dl>
 *   <dt>Why Limits retention, not Interest or WorkQueue?</dt>
 *   <dd>Every instance must get every send (a broadcast), including instances that are down:
 *       WorkQueue gives each message to one consumer, and Interest forgets messages that every
 *       consumer present has acknowledged, before a new or returning instance could read them.
 *       Limits keeps each message for the retention, whoever read it.</dd>
 *   <dt>Why a durable pull consumer, not an ordered one?</dt>
 *   <dd>An ordered consumer lives in memory and forgets its position when the process ends; a
 *       durable keeps it on the server, which is what catching up after a restart needs.</dd>
 *   <dt>Why one subject per application, not one per signal?</dt>
 *   <dd>Signal names may hold characters a subject cannot, and an instance must read every
 *       relayed signal of its application anyway; the signal's name is a header.</dd>
 * </dl>
 */
package signals.relay.nats;
