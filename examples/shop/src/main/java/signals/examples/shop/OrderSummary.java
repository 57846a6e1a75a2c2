package signals.examples.shop;

import java.util.List;

/**
 * What the shop shows of an order, read in one transaction.
 *
 * @param id the order's id
 * @param customer the customer's name
 * @param lines one text per line, such as {@code "2x margherita"}
 * @param totalCents the denormalised total, as stored
 * @param tags the tag names, through the cache
 */
public record OrderSummary(long id, String customer, List<String> lines, long totalCents, List<String> tags) {

    /**
     * Copies the lists.
     *
     * @param id the order's id
     * @param customer the customer's name
     * @param lines the lines
     * @param totalCents the total
     * @param tags the tag names
     */
    public OrderSummary {
        lines = List.copyOf(lines);
        tags = List.copyOf(tags);
    }
}
