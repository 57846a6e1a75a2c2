package signals.examples;

import signals.core.Arguments;
import signals.core.Signal;

/** The demo's signals, declared once, as Django declares them at module level. */
public final class Pizzeria {

    /**
     * The typed payload of {@link #PIZZA_DONE}: the recommended style.
     *
     * @param toppings how many toppings
     * @param size the size
     */
    public record PizzaDone(int toppings, int size) {
    }

    /** {@code pizza_done = Signal()}, with a typed payload. */
    public static final Signal<PizzaDone> PIZZA_DONE = Signal.of("pizza_done", PizzaDone.class);

    /** The same signal in Django's keyword-argument style, its arguments checked at every send. */
    public static final Signal<Arguments> PIZZA_DONE_KWARGS = Signal.withArguments("pizza_done", "toppings", "size");

    private Pizzeria() {
    }
}
