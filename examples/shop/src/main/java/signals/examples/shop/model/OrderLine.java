package signals.examples.shop.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** One pizza of an {@link Order}, saved and deleted with it. */
@Entity
public class OrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    private Order order;

    private String pizza;

    private int quantity;

    private long unitPriceCents;

    /** For Hibernate, which creates instances when it loads rows. */
    protected OrderLine() {
    }

    OrderLine(Order order, String pizza, int quantity, long unitPriceCents) {
        this.order = order;
        this.pizza = pizza;
        this.quantity = quantity;
        this.unitPriceCents = unitPriceCents;
    }

    /** {@return the id, null until saved} */
    public Long getId() {
        return id;
    }

    /** {@return the order this line belongs to} */
    public Order getOrder() {
        return order;
    }

    /** {@return the pizza's name} */
    public String getPizza() {
        return pizza;
    }

    /** {@return how many} */
    public int getQuantity() {
        return quantity;
    }

    /**
     * Changes how many.
     *
     * @param quantity the new quantity
     */
    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    /** {@return the price of one, in cents} */
    public long getUnitPriceCents() {
        return unitPriceCents;
    }

    /** {@return quantity times unit price, in cents} */
    public long subtotalCents() {
        return quantity * unitPriceCents;
    }

    @Override
    public String toString() {
        return "OrderLine#" + id + " " + quantity + "x " + pizza;
    }
}
