package signals.it;

import signals.core.Signal;

/** The consumer's own signal. */
public final class Shop {

    /**
     * The payload of {@link #ORDER_PLACED}.
     *
     * @param order the order number
     * @param total the total in cents
     */
    public record OrderPlaced(int order, long total) {
    }

    /** Sent when an order is placed. */
    public static final Signal<OrderPlaced> ORDER_PLACED = Signal.of("order_placed", OrderPlaced.class);

    private Shop() {
    }
}
