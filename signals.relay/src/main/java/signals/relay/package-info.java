/**
 * Signals on every instance: {@link signals.relay.Relay} sends chosen signals to the other
 * instances of an application through a broker, after the sending transaction commits.
 *
 * <pre>{@code
 * Relay relay = Relay.builder("shop").instanceId("web-1")
 *         .relay(ORDER_PAID, RelayCodec.kwargs())
 *         .transport(NatsRelay.server("nats://127.0.0.1:4222"))
 *         .start();
 * ORDER_PAID.connect(Remote.only((signal, remote, paid) -> cache.evict(paid.get("order"))));
 * }</pre>
 *
 * <h2>Glossary</h2>
 * <dl>
 *   <dt>application</dt><dd>every instance of one service; they share one stream on the broker.</dd>
 *   <dt>instance</dt><dd>one running copy, with an id that survives its restarts.</dd>
 *   <dt>relayed send</dt><dd>a send of a relayed signal made on this instance, published to
 *       the broker once its transaction committed.</dd>
 *   <dt>remote send</dt><dd>a relayed send of another instance, delivered here with a
 *       {@link signals.relay.Remote} sender.</dd>
 *   <dt>codec</dt><dd>a {@link signals.relay.RelayCodec}: payload to bytes and back.</dd>
 *   <dt>retention</dt><dd>how long the broker keeps sends for an instance that is down.</dd>
 * </dl>
 *
 * <h2>Questions a reviewer asks</h2>
 * <dl>
 *   <dt>Does a signal that is not relayed pay anything?</dt>
 *   <dd>No. The relay connects an ordinary receiver to each relayed signal, and nothing else;
 *       the send path of {@code signals.core} does not know the relay exists.</dd>
 *   <dt>Why is the sender a {@code Remote}, not the original sender?</dt>
 *   <dd>The original sender is an object of another JVM (an entity class, a request): it cannot
 *       travel without serialization. Its text travels, beside who sent it, so that receivers
 *       can log it, and {@code sender instanceof Remote} tells a remote send from a local one.</dd>
 *   <dt>Why is {@code ConnectOption.senderOrSubclassOf(Remote.class)} not enough?</dt>
 *   <dd>It matches senders that are classes (Django's model senders); a remote sender is an
 *       instance. {@link signals.relay.Remote#only} wraps a receiver instead.</dd>
 *   <dt>Why can a send arrive twice?</dt>
 *   <dd>A broker redelivers what was not acknowledged: after a crash, or a lost connection. The
 *       relay drops redeliveries of the last 10,000 sends it delivered; across a restart of the
 *       receiving instance a receiver sees them, and drops them by {@link
 *       signals.relay.Remote#id()}.</dd>
 *   <dt>Why does a send wait for the commit?</dt>
 *   <dd>Other instances would otherwise act on a change that then rolls back (Celery's
 *       {@code delay} inside a transaction). Outside a transaction a send leaves at once.</dd>
 * </dl>
 */
package signals.relay;
