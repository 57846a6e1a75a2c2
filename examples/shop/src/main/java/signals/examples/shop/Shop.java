package signals.examples.shop;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import signals.examples.shop.model.Customer;
import signals.examples.shop.model.Order;
import signals.examples.shop.model.OrderLine;
import signals.examples.shop.model.Tag;

/**
 * The pizzeria's service: every operation in a transaction of its own, on Hibernate ORM over an
 * embedded H2 database that is reached through {@code signals.jdbc}, so that every new physical
 * connection fires {@code connection_created}.
 *
 * <pre>{@code
 * try (Shop shop = Shop.open("shop")) {
 *     long order = shop.placeOrder(shop.addCustomer("Ada"), "margherita", 2, 850);
 *     shop.tag(order, "vegetarian");
 * }
 * }</pre>
 *
 * The shop does nothing about signals: every reaction (the denormalised total, the audit trail,
 * the cache) is a receiver in the receivers module.
 */
public final class Shop implements AutoCloseable {

    /** The data source's alias: the sender of {@code connection_created}. */
    public static final String DATABASE = "shop";

    /** The setting (a system property) that names the currency of {@link #priceList()}. */
    public static final String CURRENCY = "shop.currency";

    /** The cache key of {@link #priceList()}. */
    public static final String PRICE_LIST_KEY = "price-list";

    private static final Map<String, Long> MENU = new TreeMap<>(Map.of("diavola", 1050L, "margherita", 850L, "marinara", 700L));

    private final String database;
    private final HikariDataSource dataSource;
    private final EntityManagerFactory factory;

    private Shop(String database, HikariDataSource dataSource, EntityManagerFactory factory) {
        this.database = database;
        this.dataSource = dataSource;
        this.factory = factory;
    }

    /**
     * Opens the shop on a new in-memory database, creating its tables.
     *
     * @param database the in-memory database's name, unique in this JVM; also the persistence
     *     unit's name, the {@code using} of the model signals
     * @return the open shop
     */
    public static Shop open(String database) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName(DATABASE);
        // The pool in front of signals.jdbc: connection_created fires once per physical
        // connection, not on every checkout.
        pool.setJdbcUrl("jdbc:signals:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        pool.setUsername("sa");
        pool.addDataSourceProperty("signalsAlias", DATABASE);
        pool.setMinimumIdle(1);
        pool.setMaximumPoolSize(2);
        HikariDataSource dataSource = new HikariDataSource(pool);
        try {
            EntityManagerFactory factory = new PersistenceConfiguration(database)
                    .managedClass(Customer.class)
                    .managedClass(Order.class)
                    .managedClass(OrderLine.class)
                    .managedClass(Tag.class)
                    .property("jakarta.persistence.nonJtaDataSource", dataSource)
                    .property(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "drop-and-create")
                    .createEntityManagerFactory();
            return new Shop(database, dataSource, factory);
        } catch (RuntimeException | Error e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Adds a customer.
     *
     * @param name the customer's name
     * @return the new customer's id
     */
    public long addCustomer(String name) {
        return inTransaction(em -> {
            Customer customer = new Customer(name);
            em.persist(customer);
            return customer.getId();
        });
    }

    /**
     * Places an order of one line.
     *
     * @param customerId who orders
     * @param pizza the pizza's name
     * @param quantity how many
     * @param unitPriceCents the price of one, in cents
     * @return the new order's id
     * @throws NoSuchElementException if there is no such customer
     */
    public long placeOrder(long customerId, String pizza, int quantity, long unitPriceCents) {
        return inTransaction(em -> {
            Order order = new Order(find(em, Customer.class, customerId));
            order.addLine(pizza, quantity, unitPriceCents);
            em.persist(order);
            return order.getId();
        });
    }

    /**
     * Places an order of one line for a new customer: the customer and the order are saved in one
     * transaction, so an order that fails leaves no customer behind.
     *
     * @param customerName the new customer's name
     * @param pizza the pizza's name
     * @param quantity how many
     * @param unitPriceCents the price of one, in cents
     * @return the new order's id
     */
    public long placeOrderForNewCustomer(String customerName, String pizza, int quantity, long unitPriceCents) {
        return inTransaction(em -> {
            Customer customer = new Customer(customerName);
            em.persist(customer);
            Order order = new Order(customer);
            order.addLine(pizza, quantity, unitPriceCents);
            em.persist(order);
            return order.getId();
        });
    }

    /**
     * Counts the customers stored.
     *
     * @return how many there are
     */
    public long customerCount() {
        return inTransaction(em -> em.createQuery("select count(c) from Customer c", Long.class).getSingleResult());
    }

    /**
     * Counts the orders stored.
     *
     * @return how many there are
     */
    public long orderCount() {
        return inTransaction(em -> em.createQuery("select count(o) from Order o", Long.class).getSingleResult());
    }

    /**
     * Adds a line to an order.
     *
     * @param orderId the order
     * @param pizza the pizza's name
     * @param quantity how many
     * @param unitPriceCents the price of one, in cents
     * @throws NoSuchElementException if there is no such order
     */
    public void addLine(long orderId, String pizza, int quantity, long unitPriceCents) {
        onOrder(orderId, order -> order.addLine(pizza, quantity, unitPriceCents));
    }

    /**
     * Changes the quantity of every line of an order for one pizza.
     *
     * @param orderId the order
     * @param pizza the pizza's name
     * @param quantity the new quantity
     * @throws NoSuchElementException if there is no such order
     */
    public void changeQuantity(long orderId, String pizza, int quantity) {
        onOrder(orderId, order -> order.getLines().stream()
                .filter(line -> line.getPizza().equals(pizza))
                .forEach(line -> line.setQuantity(quantity)));
    }

    /**
     * Adds tags to an order, creating the tags that do not exist yet.
     *
     * @param orderId the order
     * @param names the tags' names
     * @throws NoSuchElementException if there is no such order
     */
    public void tag(long orderId, String... names) {
        inTransaction(em -> {
            Order order = find(em, Order.class, orderId);
            for (String name : names) {
                order.getTags().add(tagNamed(em, name));
            }
            return null;
        });
    }

    /**
     * Removes tags from an order; the tags themselves stay.
     *
     * @param orderId the order
     * @param names the tags' names
     * @throws NoSuchElementException if there is no such order
     */
    public void untag(long orderId, String... names) {
        List<String> removed = List.of(names);
        onOrder(orderId, order -> order.getTags().removeIf(tag -> removed.contains(tag.getName())));
    }

    /**
     * Removes every tag from an order.
     *
     * @param orderId the order
     * @throws NoSuchElementException if there is no such order
     */
    public void clearTags(long orderId) {
        onOrder(orderId, order -> order.getTags().clear());
    }

    /**
     * Deletes an order, and its lines with it.
     *
     * @param orderId the order
     * @throws NoSuchElementException if there is no such order
     */
    public void deleteOrder(long orderId) {
        inTransaction(em -> {
            em.remove(find(em, Order.class, orderId));
            return null;
        });
    }

    /**
     * Reads an order.
     *
     * @param orderId the order
     * @return what the shop shows of it, or empty if there is no such order
     */
    public Optional<OrderSummary> order(long orderId) {
        return inTransaction(em -> Optional.ofNullable(em.find(Order.class, orderId)).map(order -> new OrderSummary(
                order.getId(),
                order.getCustomer().getName(),
                order.getLines().stream().map(line -> line.getQuantity() + "x " + line.getPizza()).collect(Collectors.toList()),
                order.getTotalCents(),
                cachedTagNames(em, orderId))));
    }

    /**
     * Reads an order's tag names through the cache: a receiver of {@code m2m_changed} has to
     * invalidate the entry, or this answers what it answered before the tags changed.
     *
     * @param orderId the order
     * @return the tag names, sorted
     */
    public List<String> tagNames(long orderId) {
        return inTransaction(em -> cachedTagNames(em, orderId));
    }

    /**
     * The menu with prices in the currency that the {@value #CURRENCY} setting names (euros by
     * default), through the cache: a receiver of {@code setting_changed} has to invalidate it when
     * the currency changes.
     *
     * @return one line per pizza, such as {@code "margherita 8.50 EUR"}
     */
    public List<String> priceList() {
        return Cache.DEFAULT.get(PRICE_LIST_KEY, () -> {
            String currency = System.getProperty(CURRENCY, "EUR");
            return MENU.entrySet().stream()
                    .map(pizza -> String.format("%s %d.%02d %s", pizza.getKey(), pizza.getValue() / 100, pizza.getValue() % 100, currency))
                    .collect(Collectors.toList());
        });
    }

    /**
     * The cache key of an order's tag names.
     *
     * @param database the shop's database, the {@code using} of the model signals
     * @param orderId the order
     * @return the key
     */
    public static String tagsCacheKey(String database, long orderId) {
        return database + ":order:" + orderId + ":tags";
    }

    /**
     * Asks the database the time zone of the session this shop's transactions run in, which a
     * receiver of {@code connection_created} sets.
     *
     * @return the session's time zone, as H2 reports it
     */
    public String sessionTimeZone() {
        return inTransaction(em -> (String) em.createNativeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'TIME ZONE'")
                .getSingleResult());
    }

    /** Closes the persistence unit and the pool. */
    @Override
    public void close() {
        try {
            factory.close();
        } finally {
            dataSource.close();
        }
    }

    private void onOrder(long orderId, Consumer<Order> change) {
        inTransaction(em -> {
            change.accept(find(em, Order.class, orderId));
            return null;
        });
    }

    private <R> R inTransaction(Function<EntityManager, R> work) {
        return factory.callInTransaction(em -> {
            R result = work.apply(em);
            // Receivers may change entities while this flush runs (post_save keeps the order's
            // total): the flush at commit writes what they changed.
            em.flush();
            return result;
        });
    }

    private List<String> cachedTagNames(EntityManager em, long orderId) {
        return Cache.DEFAULT.get(tagsCacheKey(database, orderId), () -> em.createQuery(
                        "select t.name from Order o join o.tags t where o.id = :id order by t.name", String.class)
                .setParameter("id", orderId)
                .getResultList());
    }

    private static <E> E find(EntityManager em, Class<E> type, long id) {
        E entity = em.find(type, id);
        if (entity == null) {
            throw new NoSuchElementException("no " + type.getSimpleName() + " with id " + id);
        }
        return entity;
    }

    private static Tag tagNamed(EntityManager em, String name) {
        return em.createQuery("select t from Tag t where t.name = :name", Tag.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst()
                .orElseGet(() -> {
                    Tag tag = new Tag(name);
                    em.persist(tag);
                    return tag;
                });
    }
}
