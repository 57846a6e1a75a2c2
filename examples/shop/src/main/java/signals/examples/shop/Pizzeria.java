package signals.examples.shop;

import signals.core.Signal;

/**
 * The shop's own signal, declared once as Django declares {@code pizza_done = Signal()} at module
 * level: the kitchen sends it when a pizza comes out of the oven.
 */
public final class Pizzeria {

    /**
     * The payload of {@link #PIZZA_DONE}.
     *
     * @param toppings how many toppings
     * @param size the size
     */
    public record PizzaDone(int toppings, int size) {
    }

    /** {@code pizza_done}, with a typed payload. */
    public static final Signal<PizzaDone> PIZZA_DONE = Signal.of("pizza_done", PizzaDone.class);

    private Pizzeria() {
    }
}
