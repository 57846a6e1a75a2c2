package signals.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import signals.core.Receiver;
import signals.core.Signal;
import signals.core.SignalConnection;

/** Records every send of some signals, from every sender, until closed. */
final class Recorder implements AutoCloseable {

    /** One send as a receiver saw it. */
    record Sent(String signal, Object sender, Object payload) {
        @Override
        public String toString() {
            return signal + "(" + (sender instanceof Class<?> type ? type.getSimpleName() : sender) + ", " + payload + ")";
        }
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<SignalConnection> connections = new ArrayList<>();
    private final Receiver<Object> receiver = (signal, sender, payload) -> sent.add(new Sent(signal.name(), sender, payload));

    static Recorder of(Signal<?>... signals) {
        Recorder recorder = new Recorder();
        for (Signal<?> signal : signals) {
            recorder.connections.add(signal.connect(recorder.receiver));
        }
        return recorder;
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        sent.forEach(s -> names.add(s.signal()));
        return names;
    }

    /** The payloads of one signal, in order. */
    @SuppressWarnings("unchecked")
    <P> List<P> payloads(Signal<P> signal) {
        List<P> payloads = new ArrayList<>();
        for (Sent s : sent) {
            if (s.signal().equals(signal.name())) {
                payloads.add((P) s.payload());
            }
        }
        return payloads;
    }

    void clear() {
        sent.clear();
    }

    @Override
    public void close() {
        connections.forEach(SignalConnection::disconnect);
    }
}
