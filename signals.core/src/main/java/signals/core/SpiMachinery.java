package signals.core;

import java.util.List;
import signals.core.internal.SpiBridge;
import signals.core.spi.HostEvent;
import signals.core.spi.SendObserver;

/** What {@code signals.core.spi} may do with the package-private machinery: the far side of the door. */
final class SpiMachinery implements SpiBridge.Machinery {

    @Override
    public <T> Signal<T> declareBuiltIn(Signal.Builder<T> builder, String adapterModule) {
        return builder.firedBy(adapterModule).build();
    }

    @Override
    public <T> HostEvent<T> hostEvent(Signal<T> signal, Object sender) {
        return signal.hostEvent(sender);
    }

    @Override
    public <T> List<Reply> sendRobustFromHost(Signal<T> signal, Object sender, T payload) {
        return signal.sendRobust(sender, payload, false);
    }

    @Override
    public boolean isHeard(Signal<?> signal) {
        return Delivery.observed() || signal.anyReceiver();
    }

    @Override
    public void install(SendObserver observer) {
        Delivery.install(observer);
    }

    @Override
    public void uninstall(SendObserver observer) {
        Delivery.uninstall(observer);
    }
}
