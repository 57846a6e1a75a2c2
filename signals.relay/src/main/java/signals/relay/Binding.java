package signals.relay;

import java.io.IOException;
import signals.core.ConnectOption;
import signals.core.Signal;
import signals.core.SignalConnection;
import signals.core.Transactions;
import signals.relay.spi.WireMessage;

/** One relayed signal with its codec: the receiver that relays it, and the way back in. */
final class Binding<T> {

    final Signal<T> signal;
    private final RelayCodec<T> codec;

    Binding(Signal<T> signal, RelayCodec<T> codec) {
        this.signal = signal;
        this.codec = codec;
    }

    /**
     * Connects the receiver that writes each local send during the send, so that a payload the
     * codec cannot write, or one too large for the broker, fails the send itself, and queues it
     * on {@code outgoing} once the sending transaction commits (at once outside one), unless the
     * transport wrote it into the sending transaction itself (an outbox). Remote
     * sends are never relayed again: that is what keeps two instances from echoing a send back
     * and forth.
     */
    SignalConnection connect(Outgoing outgoing, String name) {
        return signal.connect((signal, sender, payload) -> {
            if (!(sender instanceof Remote)) {
                WireMessage message = outgoing.prepare(this, sender, payload);
                if (!outgoing.writeInTransaction(signal.name(), message)) {
                    Transactions.onCommit(() -> outgoing.queue(signal.name(), message));
                }
            }
        }, ConnectOption.name(name));
    }

    @SuppressWarnings("unchecked")
    byte[] encode(Object payload) throws IOException {
        // The receiver above is connected to Signal<T>, whose sends carry a T.
        byte[] bytes = codec.encode((T) payload);
        if (bytes == null) {
            throw new IOException(codec + " returned null");
        }
        return bytes;
    }

    T decode(byte[] body) throws IOException {
        return codec.decode(body);
    }

    void send(Remote from, T payload) {
        signal.sendRobust(from, payload);
    }
}
