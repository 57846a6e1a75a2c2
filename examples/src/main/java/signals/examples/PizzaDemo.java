package signals.examples;

import java.util.List;
import signals.core.Arguments;
import signals.core.Signals;

/**
 * Sends Django's seed signal, {@code pizza_done} from sender {@code "seven"} with toppings 123
 * and size 456, in both styles, shows a checked mistake and the inventory, and exits non-zero if
 * any receiver did not print what it should.
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

        System.out.println("== Signals.inventory()");
        System.out.print(Signals.inventory());

        List<String> expected = List.of(
                "Pizza done seven PizzaDone[toppings=123, size=456]",
                "  (only for sender seven) 123 toppings on a size 456",
                "Pizza done seven {'toppings': 123, 'size': 456}");
        if (!Kitchen.PRINTED.equals(expected)) {
            System.err.println("demo FAILED: receivers printed " + Kitchen.PRINTED + ", expected " + expected);
            System.exit(1);
        }
        System.out.println("== demo OK");
    }
}
