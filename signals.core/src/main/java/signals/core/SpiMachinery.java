package signals.core;

import java.util.List;
import signals.core.internal.SpiBridge;

/** What {@code signals.core.spi} may do with the package-private parts of {@link Signal}. */
final class SpiMachinery implements SpiBridge.Machinery {

    @Override
    public <T> Signal<T> declareBuiltIn(Signal.Builder<T> builder, String adapterModule) {
        return builder.firedBy(adapterModule).build();
    }

    @Override
    public <T> void fireFromHost(Signal<T> signal, Object sender, T payload) {
        signal.fireFromHost(sender, payload);
    }

    @Override
    public <T> List<Reply> sendRobustFromHost(Signal<T> signal, Object sender, T payload) {
        return signal.sendRobust(sender, payload, false);
    }

    @Override
    public boolean anyReceiver(Signal<?> signal) {
        return signal.anyReceiver();
    }
}
