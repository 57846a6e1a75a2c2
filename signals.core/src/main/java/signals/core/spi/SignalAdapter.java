package signals.core.spi;

import java.util.List;
import java.util.Objects;
import signals.core.Reply;
import signals.core.Signal;
import signals.core.internal.SpiBridge;

/**
 * Describes an adapter module: one that fires built-in signals from a host (Hibernate ORM, a
 * servlet container, a JDBC driver, JUnit). {@code signals.core} finds every adapter with
 * {@link java.util.ServiceLoader} together with the receiver providers, lists them in
 * {@link signals.core.Signals#inventory()}, and warns when a receiver connects to a built-in signal
 * whose adapter is missing.
 *
 * <p>An adapter plugs into its host through the host's own discovery (a {@code java.sql.Driver},
 * a Hibernate {@code Integrator}, a filter in {@code web.xml}); this interface describes it, and
 * its static methods are what the adapter's host calls: {@link #declare} for each built-in signal,
 * {@link #event} for each host event, which it then sends with {@link HostEvent#fire}.
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
     * Lists the built-in signals this adapter fires, each declared with {@link #declare}.
     *
     * @return the signals, none null
     */
    List<Signal<?>> signals();

    /**
     * The transactions this adapter's host runs, so that receivers connected to a
     * {@link signals.core.TransactionPhase} wait for them to end; null (the default) for an
     * adapter whose host runs none. Called once, at discovery.
     *
     * @return the host's transactions, or null
     * @since 0.9
     */
    default TransactionHost transactionHost() {
        return null;
    }

    /**
     * Declares a built-in signal fired by an adapter module. When a receiver connects to it and
     * no {@link SignalAdapter} of that module was found, a warning says which module to add.
     *
     * <pre>{@code
     * public static final Signal<ConnectionCreated> CONNECTION_CREATED =
     *         SignalAdapter.declare("connection_created", ConnectionCreated.class, "signals.jdbc");
     * }</pre>
     *
     * @param name the signal's name, Django's, such as {@code "post_save"}; not blank
     * @param payloadType the payload class, not primitive
     * @param adapterModule the adapter's module name, such as {@code "signals.jdbc"}
     * @param <T> the payload type
     * @return a new signal with no receivers
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank or the type is primitive
     */
    static <T> Signal<T> declare(String name, Class<? super T> payloadType, String adapterModule) {
        // Signal.builder checks the name and type, and initializing Signal opens the bridge.
        Signal.Builder<T> builder = Signal.builder(name, payloadType);
        return SpiBridge.machinery().declareBuiltIn(builder, adapterModule);
    }

    /**
     * Starts one host event: looks up, once, the receivers that a send of this signal from this
     * sender would reach. See {@link HostEvent}.
     *
     * <pre>{@code
     * HostEvent<ConnectionCreated> created = SignalAdapter.event(CONNECTION_CREATED, alias);
     * if (created.isHeard()) {
     *     created.fire(new ConnectionCreated(connection, alias, url));
     * }
     * }</pre>
     *
     * @param signal the signal, not null
     * @param sender who sends, as for {@link Signal#fire}
     * @param <T> the payload type
     * @return the event, to ask {@link HostEvent#isHeard()} and {@link HostEvent#fire} once each
     * @throws NullPointerException if the signal is null
     */
    static <T> HostEvent<T> event(Signal<T> signal, Object sender) {
        Objects.requireNonNull(signal, "signal");
        return SpiBridge.machinery().hostEvent(signal, sender);
    }

    /**
     * Sends for an adapter's host that reports the failures itself: as {@link Signal#sendRobust},
     * every receiver is called even when some throw and each exception becomes its receiver's
     * reply, but nothing is logged. Logging is {@code sendRobust}'s way to make sure a failure is
     * seen when the caller ignores the replies; a host that raises them (as {@code signals.test}
     * raises the first failure of {@code setting_changed} when an override ends) would otherwise
     * report each one twice.
     *
     * <pre>{@code
     * for (Reply reply : SignalAdapter.sendRobustFromHost(SETTING_CHANGED, store, changed)) {
     *     if (reply.failed()) {
     *         failures.add(reply.exception());
     *     }
     * }
     * }</pre>
     *
     * @param signal the signal, not null
     * @param sender who sends, as for {@link Signal#sendRobust}
     * @param payload the payload, as for {@link Signal#sendRobust}
     * @param <T> the payload type
     * @return one reply per receiver called, in call order, as a read-only list
     * @throws NullPointerException if the signal is null, or the payload on a signal that has one
     * @throws IllegalArgumentException if the payload does not fit the signal
     * @since 0.1
     */
    static <T> List<Reply> sendRobustFromHost(Signal<T> signal, Object sender, T payload) {
        Objects.requireNonNull(signal, "signal");
        return SpiBridge.machinery().sendRobustFromHost(signal, sender, payload);
    }

    /**
     * Tells whether a send of this signal from any sender could reach anyone: a live receiver,
     * connected for any sender, on a signal that is not muted, or an installed
     * {@link SendObserver} (a test's recorder, say). A host that must track state between two
     * hooks (the cascade of a delete) asks this before it knows the sender; one that knows the
     * sender asks its {@link #event}. Ask again for each host event: receivers come and go.
     *
     * <pre>{@code
     * if (SignalAdapter.isHeard(PRE_DELETE) || SignalAdapter.isHeard(POST_DELETE)) {
     *     trackCascade(event);
     * }
     * }</pre>
     *
     * @param signal the signal, not null
     * @return false only when no send of the signal would call a receiver or an observer
     * @throws NullPointerException if the signal is null
     */
    static boolean isHeard(Signal<?> signal) {
        Objects.requireNonNull(signal, "signal");
        return SpiBridge.machinery().isHeard(signal);
    }

    /**
     * Tells whether a send from this sender could reach anyone: the same answer as
     * {@code event(signal, sender).isHeard()}, for a host that only needs to know.
     *
     * @param signal the signal, not null
     * @param sender the sender, as for {@link Signal#hasListeners}
     * @return false only when a send from this sender would call no receiver and no observer
     * @throws NullPointerException if the signal is null
     */
    static boolean isHeard(Signal<?> signal, Object sender) {
        return event(signal, sender).isHeard();
    }
}
