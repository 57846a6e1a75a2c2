package signals.examples.shop.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A customer's order: lines that are saved and deleted with it, and tags shared with other
 * orders. Its total is denormalised: the receivers keep it equal to the sum of the lines when a
 * line is saved, so that listing orders never has to add up their lines.
 */
@Entity
@Table(name = "orders")
public class Order {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    private Customer customer;

    // Loaded with the order: an order is never shown or totalled without its lines.
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("id")
    private List<OrderLine> lines = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "order_tags")
    private Set<Tag> tags = new LinkedHashSet<>();

    private long totalCents;

    /** For Hibernate, which creates instances when it loads rows. */
    protected Order() {
    }

    /**
     * A new, empty order, saved by {@code persist}.
     *
     * @param customer who orders
     */
    public Order(Customer customer) {
        this.customer = customer;
    }

    /** {@return the id, null until saved} */
    public Long getId() {
        return id;
    }

    /** {@return who ordered} */
    public Customer getCustomer() {
        return customer;
    }

    /**
     * Adds a line, saved with the order.
     *
     * @param pizza the pizza's name
     * @param quantity how many
     * @param unitPriceCents the price of one, in cents
     * @return the new line
     */
    public OrderLine addLine(String pizza, int quantity, long unitPriceCents) {
        OrderLine line = new OrderLine(this, pizza, quantity, unitPriceCents);
        lines.add(line);
        return line;
    }

    /** {@return the lines, read-only} */
    public List<OrderLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

    /**
     * The tags, a live many-to-many collection: adding, removing and clearing change the
     * association table.
     *
     * @return the tags, modifiable
     */
    public Set<Tag> getTags() {
        return tags;
    }

    /**
     * Replaces the tag collection itself, which Hibernate sees as the old collection removed and a
     * new one created.
     *
     * @param tags the new tags
     */
    public void replaceTags(Set<Tag> tags) {
        this.tags = new LinkedHashSet<>(tags);
    }

    /** {@return the denormalised total in cents, as last saved} */
    public long getTotalCents() {
        return totalCents;
    }

    /**
     * Sets the denormalised total; the receivers call this, application code does not need to.
     *
     * @param totalCents the sum of the lines' subtotals
     */
    public void setTotalCents(long totalCents) {
        this.totalCents = totalCents;
    }

    /** {@return the sum of the lines' subtotals, computed now} */
    public long linesTotalCents() {
        return lines.stream().mapToLong(OrderLine::subtotalCents).sum();
    }

    @Override
    public String toString() {
        return "Order#" + id;
    }
}
