package signals.examples.shop.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Someone who orders pizza. */
@Entity
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    /** For Hibernate, which creates instances when it loads rows. */
    protected Customer() {
    }

    /**
     * A new customer, saved by {@code persist}.
     *
     * @param name the customer's name
     */
    public Customer(String name) {
        this.name = name;
    }

    /** {@return the id, null until saved} */
    public Long getId() {
        return id;
    }

    /** {@return the customer's name} */
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return "Customer#" + id + " " + name;
    }
}
