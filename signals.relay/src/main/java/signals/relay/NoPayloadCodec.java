package signals.relay;

import java.io.IOException;

/** {@link RelayCodec#none()}: an empty body, for {@code Signal<Void>}. */
final class NoPayloadCodec implements RelayCodec<Void> {

    static final NoPayloadCodec INSTANCE = new NoPayloadCodec();

    private static final byte[] EMPTY = new byte[0];

    private NoPayloadCodec() {
    }

    @Override
    public byte[] encode(Void payload) {
        return EMPTY;
    }

    @Override
    public Void decode(byte[] bytes) throws IOException {
        if (bytes.length != 0) {
            throw new IOException("a signal without payload got " + bytes.length + " bytes");
        }
        return null;
    }

    @Override
    public String toString() {
        return "RelayCodec.none()";
    }
}
