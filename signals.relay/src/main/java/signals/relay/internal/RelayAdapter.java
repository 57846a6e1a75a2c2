package signals.relay.internal;

import java.util.List;
import java.util.StringJoiner;
import signals.core.Signal;
import signals.core.spi.SignalAdapter;
import signals.relay.Relay;

/**
 * Shows the running relays in {@code Signals.inventory()}: its {@link #host()} is read each time
 * the inventory is, and lists every running relay with its broker, signals and live counts.
 *
 * @since 0.10
 */
public final class RelayAdapter implements SignalAdapter {

    /** Called by {@link java.util.ServiceLoader}. */
    public RelayAdapter() {
    }

    @Override
    public String host() {
        List<Relay> running = Relay.running();
        if (running.isEmpty()) {
            return "Relay: no relay running";
        }
        StringJoiner text = new StringJoiner("; ", "Relay: ", "");
        running.forEach(relay -> text.add(relay.toString()));
        return text.toString();
    }

    /** Fires no built-in signal: the relayed signals belong to the application. */
    @Override
    public List<Signal<?>> signals() {
        return List.of();
    }
}
