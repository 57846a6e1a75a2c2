package signals.relay;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import signals.relay.spi.TransportContext;
import signals.relay.spi.WireMessage;

/**
 * The receiving half of a relay, and the relay's side of its transport session: checks each
 * message from the broker, drops this instance's own and those already delivered, and sends
 * the rest to the local receivers with a {@link Remote} as sender. Whatever is wrong with a
 * message is logged, counted and skipped here; nothing reaches the transport's thread.
 */
final class Incoming implements TransportContext {

    /** How many recent ids are remembered to drop redeliveries. */
    static final int REMEMBERED = 10_000;

    private final Relay relay;
    private final Map<String, Binding<?>> bindings;
    private final Map<String, Boolean> recent = new LinkedHashMap<>(256, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    // Unknown until the session is open; the broker enforces its own limit meanwhile.
    volatile int limit = Integer.MAX_VALUE;
    // Unknown until the session is open; no receiver can send through it before.
    volatile Outgoing outgoing;

    final AtomicLong received = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();

    Incoming(Relay relay, Map<String, Binding<?>> bindings) {
        this.relay = relay;
        this.bindings = bindings;
    }

    @Override
    public String application() {
        return relay.application();
    }

    @Override
    public String instanceId() {
        return relay.instanceId();
    }

    @Override
    public Duration retention() {
        return relay.retention();
    }

    @Override
    public void deliver(WireMessage message) {
        try {
            accept(message);
        } catch (RuntimeException | Error e) {
            // A receiver's exception is sendRobust's to log; this is the relay's own failure.
            skip(message, null, "it could not be delivered: " + e);
        }
    }

    @Override
    public void deliverAll(List<WireMessage> messages) {
        Outgoing answers = outgoing;
        if (messages.size() < 2 || answers == null) {
            TransportContext.super.deliverAll(messages);
            return;
        }
        answers.hold();
        try {
            for (WireMessage message : messages) {
                deliver(message);
            }
        } finally {
            answers.release();
        }
    }

    private void accept(WireMessage message) {
        if (message.size() > limit) {
            skip(message, null, "it is " + message.size() + " bytes, over the limit of " + limit);
            return;
        }
        Wire.Read read;
        try {
            read = Wire.read(message);
        } catch (Wire.Malformed e) {
            skip(message, null, e.getMessage());
            return;
        }
        if (read.from().instanceId().equals(relay.instanceId())) {
            return; // this instance's own send, which its receivers heard when it was sent
        }
        Binding<?> binding = bindings.get(read.signal());
        if (binding == null) {
            skip(message, read.signal(), "signal '" + read.signal() + "' is not relayed by this instance (it relays "
                    + bindings.keySet() + ")");
            return;
        }
        send(binding, read, message);
    }

    private <T> void send(Binding<T> binding, Wire.Read read, WireMessage message) {
        T payload;
        try {
            payload = binding.decode(message.body());
        } catch (IOException | RuntimeException e) {
            skip(message, read.signal(), "the codec of signal '" + read.signal() + "' cannot read its "
                    + message.body().length + " bytes: " + e.getMessage());
            return;
        }
        if (!remember(read.from().id())) {
            duplicates.incrementAndGet();
            return;
        }
        try {
            binding.send(read.from(), payload);
        } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
            skip(message, read.signal(), "its payload does not fit signal '" + read.signal() + "': " + e.getMessage());
            return;
        }
        received.incrementAndGet();
    }

    private boolean remember(String id) {
        synchronized (recent) {
            return recent.put(id, Boolean.TRUE) == null;
        }
    }

    private void skip(WireMessage message, String signal, String reason) {
        skipped.incrementAndGet();
        String id = message.id();
        String from = message.header(Wire.INSTANCE);
        Relay.LOG.log(Level.WARNING, () -> relay.name() + " skipped message " + (id == null ? "without id" : id)
                + (from == null ? "" : " from instance " + from) + ": " + reason);
        RelayFlight.skipped(relay, signal, id, from, reason);
    }
}
