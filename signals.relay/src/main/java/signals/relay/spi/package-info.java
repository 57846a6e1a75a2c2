/**
 * For transport modules only: how a broker plugs into {@code signals.relay}.
 *
 * <p>Applications never implement anything here; they pass a transport module's options
 * ({@code NatsRelay.server(...)}) to {@code Relay.Builder.transport}. A transport module
 * provides a {@link signals.relay.spi.Transport}, which {@link signals.relay.spi.Transport#open
 * opens} one {@link signals.relay.spi.TransportSession} per relay: it publishes
 * {@link signals.relay.spi.WireMessage}s, and hands those of the other instances to the relay's
 * {@link signals.relay.spi.TransportContext}. The relay owns the wire format (headers and
 * body), the codecs, the retries, the counts and the checks of what arrives; a transport only
 * moves bytes, keeps each instance's position and deduplicates by message id.
 *
 * <p>A transport that keeps its messages in the application's own database (an outbox) may also
 * take a message into the sending transaction, during the send:
 * {@link signals.relay.spi.TransportSession#publishInTransaction}. The message is then stored if
 * and only if that transaction commits, and the relay does not queue it for
 * {@link signals.relay.spi.TransportSession#publish}.
 *
 * <h2>Questions a reviewer asks</h2>
 * <dl>
 *   <dt>Why does the relay parse the headers, not the transport?</dt>
 *   <dd>So that every transport reads and rejects the same messages the same way, and a new
 *       transport (Kafka, Redis Streams) is a few hundred lines that never see a payload.</dd>
 *   <dt>Why does {@code publish} take a batch and block?</dt>
 *   <dd>Each instance's sends must arrive in the order they were sent, and a round trip per
 *       send would bound the rate by the broker's latency. A batch lets a transport pipeline its
 *       publishes and wait once; the relay sends the next batch only when the broker confirmed
 *       the last, and sends a failed one again whole, so that order survives a lost
 *       connection.</dd>
 * </dl>
 */
package signals.relay.spi;
