package signals.relay;

import java.io.IOException;
import signals.core.Kwargs;

/**
 * Turns a relayed signal's payload into bytes and back: what travels between instances. The
 * application supplies one per relayed signal; no Java serialization and no reflection is
 * involved, so the payload's module opens nothing.
 *
 * <pre>{@code
 * RelayCodec<OrderPaid> codec = new RelayCodec<>() {
 *     public byte[] encode(OrderPaid paid) {
 *         return (paid.orderId() + ";" + paid.cents()).getBytes(StandardCharsets.UTF_8);
 *     }
 *     public OrderPaid decode(byte[] bytes) {
 *         String[] parts = new String(bytes, StandardCharsets.UTF_8).split(";");
 *         return new OrderPaid(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
 *     }
 * };
 * }</pre>
 *
 * <h2>Rules for implementers</h2>
 * Thread-safe and stateless. {@code decode(encode(p))} gives a payload equal to {@code p}.
 * Instances of different versions of an application may read each other's bytes during a
 * rolling deploy: change a format by adding, not by changing meaning. An exception from
 * {@code decode} skips the message (logged and counted), it never reaches a receiver.
 *
 * @param <T> the payload type
 * @since 0.10
 */
public interface RelayCodec<T> {

    /**
     * Writes a payload.
     *
     * @param payload the payload of a local send; null only for a signal that carries none
     * @return the bytes, not null
     * @throws IOException if the payload cannot be written; the send is not relayed
     */
    byte[] encode(T payload) throws IOException;

    /**
     * Reads a payload that another instance wrote.
     *
     * @param bytes the bytes, not null
     * @return the payload
     * @throws IOException if the bytes are not a payload of this codec; the message is skipped
     */
    T decode(byte[] bytes) throws IOException;

    /**
     * The codec for {@link Kwargs} whose values are strings, numbers ({@code Byte},
     * {@code Short}, {@code Integer}, {@code Long}, {@code Float}, {@code Double},
     * {@code BigInteger}, {@code BigDecimal}), booleans and nulls. Each value comes back as the
     * type it was sent as, in the same order. Any other value fails to encode, naming its
     * argument. Its format is in the module README, "Wire format".
     *
     * @return the codec
     */
    static RelayCodec<Kwargs> kwargs() {
        return KwargsCodec.INSTANCE;
    }

    /**
     * The codec for a signal that carries no payload ({@code Signal<Void>}): an empty body.
     *
     * @return the codec
     */
    static RelayCodec<Void> none() {
        return NoPayloadCodec.INSTANCE;
    }
}
