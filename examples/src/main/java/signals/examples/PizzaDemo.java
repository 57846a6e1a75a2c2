package signals.examples;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import signals.core.Arguments;
import signals.core.Signals;

/**
 * Sends Django's seed signal, {@code pizza_done} from sender {@code "seven"} with toppings 123
 * and size 456, in both styles, shows a checked mistake, opens a database connection that
 * {@code connection_created} prepares, prints the inventory, and exits non-zero if any receiver
 * did not do what it should.
 */
public final class PizzaDemo {

    private PizzaDemo() {
    }

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("== typed payload: PIZZA_DONE.send(\"seven\", new PizzaDone(123, 456))");
        Pizzeria.PIZZA_DONE.send("seven", new Pizzeria.PizzaDone(123, 456));

        System.out.println("== Django style: PIZZA_DONE_KWARGS.send(\"seven\", Arguments.of(\"toppings\", 123, \"size\", 456))");
        Pizzeria.PIZZA_DONE_KWARGS.send("seven", Kitchen.kwargs(123, 456));

        System.out.println("== a send that leaves out an argument is an error, not a silent skip:");
        try {
            Pizzeria.PIZZA_DONE_KWARGS.send("seven", Arguments.of("toppings", 123));
        } catch (IllegalArgumentException e) {
            System.out.println("  " + e.getMessage());
        }

        System.out.println("== connection_created: DriverManager.getConnection(\"jdbc:signals:h2:mem:pizzeria\", alias pizzeria)");
        String zone = sessionTimeZone();
        System.out.println("  the new session's time zone: " + zone);

        System.out.println("== Signals.inventory()");
        System.out.print(Signals.inventory());

        List<String> expected = List.of(
                "Pizza done seven PizzaDone[toppings=123, size=456]",
                "  (only for sender seven) 123 toppings on a size 456",
                "Pizza done seven {'toppings': 123, 'size': 456}",
                "connection_created for data source 'pizzeria': setting the session's time zone");
        if (!Kitchen.PRINTED.equals(expected) || !"Europe/Rome".equals(zone)) {
            System.err.println("demo FAILED: receivers printed " + Kitchen.PRINTED + ", expected " + expected
                    + "; session time zone " + zone);
            System.exit(1);
        }
        System.out.println("== demo OK");
    }

    /** Opens a connection through the jdbc:signals: driver and asks what the receiver set. */
    private static String sessionTimeZone() {
        Properties info = new Properties();
        info.setProperty("user", "sa");
        info.setProperty("signalsAlias", "pizzeria");
        try (Connection connection = DriverManager.getConnection("jdbc:signals:h2:mem:pizzeria", info);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'TIME ZONE'")) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("the demo database failed", e);
        }
    }
}
