package signals.core.spi;

import java.util.List;
import signals.core.Signal;

/**
 * Describes an adapter module: one that fires built-in signals from a host (Hibernate ORM, a
 * servlet container, a JDBC driver, JUnit). {@code signals.core} finds every adapter with
 * {@link java.util.ServiceLoader} together with the receiver providers, lists them in
 * {@link signals.core.Signals#inventory()}, and warns when a receiver connects to a built-in signal
 * whose adapter is missing.
 *
 * <p>An adapter plugs into its host through the host's own discovery (a {@code java.sql.Driver},
 * a Hibernate {@code Integrator}, a filter in {@code web.xml}); this interface only describes it.
 *
 * <pre>{@code
 * module signals.jdbc {
 *     requires signals.core;
 *     provides signals.core.spi.SignalAdapter with signals.jdbc.internal.JdbcAdapter;
 * }
 * }</pre>
 *
 * <h2>Rules for implementers</h2>
 * A public class with a public no-argument constructor, listed in {@code module-info.java} and in
 * {@code META-INF/services/signals.core.spi.SignalAdapter}. Its methods are cheap and side-effect
 * free: they run during discovery, before any receiver is connected.
 *
 * @since 0.1
 */
public interface SignalAdapter {

    /**
     * Names the host this adapter fires signals from, for people reading the inventory.
     *
     * @return a short description, such as {@code "JDBC: DataSource wrapper and jdbc:signals: driver"}
     */
    String host();

    /**
     * Lists the built-in signals this adapter fires, each declared with
     * {@link Signal.Builder#firedBy} naming this adapter's module.
     *
     * @return the signals, none null
     */
    List<Signal<?>> signals();
}
