package signals.examples.receivers;

import static signals.core.ConnectOption.sender;
import static signals.core.SignalBinding.receiver;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import signals.core.ReceiverProvider;
import signals.core.Signal;
import signals.core.SignalBinding;
import signals.examples.shop.Pizzeria;
import signals.examples.shop.Shop;
import signals.jdbc.ConnectionCreated;
import signals.jdbc.ConnectionSignals;

/**
 * Everything the shop does in reaction to a signal, connected by {@code provides} in this module's
 * descriptor and nothing else. Each receiver prints what it did, indented under the signal.
 */
public final class ShopReceivers implements ReceiverProvider {

    /** The time zone every session of the shop's database runs in. */
    static final String TIME_ZONE = "Europe/Rome";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ShopReceivers() {
    }

    @Override
    public List<SignalBinding<?>> receivers() {
        return List.of(
                receiver(ConnectionSignals.CONNECTION_CREATED, ShopReceivers::setTimeZone, sender(Shop.DATABASE)),
                receiver(Pizzeria.PIZZA_DONE, ShopReceivers::pizzaDone, sender("seven")));
    }

    /** Django's favourite use of connection_created: prepare every new session once. */
    static void setTimeZone(Signal<?> signal, Object alias, ConnectionCreated created) throws SQLException {
        try (Statement statement = created.connection().createStatement()) {
            statement.execute("SET TIME ZONE '" + TIME_ZONE + "'");
        }
        did("the session's time zone is now " + TIME_ZONE);
    }

    /** Django: {@code def callback(sender, **kwargs): print("Pizza done", sender, kwargs)}. */
    static void pizzaDone(Signal<?> signal, Object sender, Pizzeria.PizzaDone pizza) {
        did("Pizza done " + sender + " " + pizza);
    }

    private static void did(String what) {
        System.out.println("      -> " + what);
    }
}
