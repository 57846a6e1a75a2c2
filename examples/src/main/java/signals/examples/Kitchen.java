package signals.examples;

import static signals.core.ConnectOption.sender;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import signals.core.Arguments;
import signals.core.SignalBinding;
import signals.core.ReceiverProvider;
import signals.core.Signal;
import signals.jdbc.ConnectionCreated;
import signals.jdbc.ConnectionSignals;

/**
 * The demo's receivers. Nothing in {@code main} connects them: {@code provides} in
 * module-info.java (and META-INF/services on the class path) is all it takes.
 */
public final class Kitchen implements ReceiverProvider {

    /** Every line a receiver printed, so the demo can check itself. */
    static final List<String> PRINTED = new CopyOnWriteArrayList<>();

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public Kitchen() {
    }

    @Override
    public List<SignalBinding<?>> receivers() {
        return List.of(
                SignalBinding.receiver(Pizzeria.PIZZA_DONE, Kitchen::callback),
                SignalBinding.receiver(Pizzeria.PIZZA_DONE_KWARGS, Kitchen::callback),
                SignalBinding.receiver(Pizzeria.PIZZA_DONE, Kitchen::onlySeven, sender("seven")),
                SignalBinding.receiver(ConnectionSignals.CONNECTION_CREATED, Kitchen::prepareSession, sender("pizzeria")));
    }

    /** Django's favourite use of connection_created: prepare every new session once. */
    static void prepareSession(Signal<?> signal, Object alias, ConnectionCreated created) throws SQLException {
        print("connection_created for data source '" + alias + "': setting the session's time zone");
        try (Statement statement = created.connection().createStatement()) {
            statement.execute("SET TIME ZONE 'Europe/Rome'");
        }
    }

    /** Django: {@code def callback(sender, **kwargs): print("Pizza done", sender, kwargs)}. */
    static void callback(Signal<?> signal, Object sender, Object payload) {
        print("Pizza done " + sender + " " + payload);
    }

    static void onlySeven(Signal<?> signal, Object sender, Pizzeria.PizzaDone pizza) {
        print("  (only for sender seven) " + pizza.toppings() + " toppings on a size " + pizza.size());
    }

    static void print(String line) {
        PRINTED.add(line);
        System.out.println(line);
    }

    static Arguments kwargs(int toppings, int size) {
        return Arguments.of("toppings", toppings, "size", size);
    }
}
