package signals.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import signals.core.SignalBinding;
import signals.core.ConnectOption;
import signals.core.ReceiverProvider;
import signals.core.Responder;
import signals.core.Signal;

/** The consumer's receivers, found by {@link java.util.ServiceLoader} and nothing else. */
public final class ShopReceivers implements ReceiverProvider {

    /** What the receivers saw, for the tests. */
    public static final List<String> SEEN = new CopyOnWriteArrayList<>();

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ShopReceivers() {
    }

    @Override
    public List<SignalBinding<?>> receivers() {
        Responder<Shop.OrderPlaced> invoice = (signal, sender, order) -> "invoice " + order.order();
        return List.of(
                SignalBinding.receiver(Shop.ORDER_PLACED, ShopReceivers::record, ConnectOption.dispatchUid("shop.record")),
                SignalBinding.responder(Shop.ORDER_PLACED, invoice, ConnectOption.sender("web")));
    }

    private static void record(Signal<?> signal, Object sender, Shop.OrderPlaced order) {
        SEEN.add(signal.name() + " from " + sender + ": " + order.order());
    }
}
