package signals.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.core.ConnectOption;
import signals.core.Receiver;
import signals.core.Signal;
import signals.core.SignalConnection;

/**
 * The receivers a test connected, disconnected when the test ends, so that none outlives its
 * test and hears the next one. Register it on a field with JUnit's {@link RegisterExtension},
 * and connect through it, or hand it the connections made elsewhere:
 *
 * <pre>{@code
 * class PriceTests {
 *
 *     @RegisterExtension
 *     final TestReceivers receivers = new TestReceivers();
 *
 *     @Test
 *     void clearsTheCacheWhenTheCurrencyChanges() {
 *         receivers.connect(SETTING_CHANGED, (signal, source, changed) -> cache.clear());
 *         receivers.add(POST_SAVE.connectWeak(listener, Listener::saved));
 *         ...
 *     }                                 // both disconnected after the @AfterEach methods
 * }
 * }</pre>
 *
 * <h2>When receivers are disconnected</h2>
 * <ul>
 *   <li>On an instance field (the usual case): after each test's {@code @AfterEach} methods,
 *       everything it holds, whether the test, its fixtures or a thread they started connected
 *       it.</li>
 *   <li>On a static field: what a test and its {@code @BeforeEach} and {@code @AfterEach}
 *       methods connected, after that test; what the {@code @BeforeAll} methods connected, after
 *       the class's {@code @AfterAll} methods (for a {@link org.junit.jupiter.api.Nested @Nested}
 *       class, after its own). Tests that run in parallel should each have an instance field:
 *       a static one disconnects, after any test, what the tests then running connected.</li>
 * </ul>
 * A receiver disconnected earlier, by the test or through its connection, is simply skipped.
 *
 * <p>Thread-safe: a test may connect from the threads it starts.
 *
 * @since 0.1
 */
public final class TestReceivers implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    // What a test connected; class-level connections carry the nesting depth of their class.
    private static final int TEST = Integer.MAX_VALUE;

    private final List<Held> held = new ArrayList<>(); // guarded by this
    private int classes; // the classes whose beforeAll ran and afterAll did not; guarded by this
    private int tests; // the tests between their beforeEach and afterEach; guarded by this

    /** Creates an empty holder, to be registered with {@link RegisterExtension}. */
    public TestReceivers() {
    }

    /**
     * Connects a receiver to a signal, as {@link Signal#connect} does, until the test ends.
     *
     * @param signal the signal, not null
     * @param receiver the receiver, not null
     * @param options the options, as for {@link Signal#connect}
     * @param <T> the payload type
     * @return the connection, which the test may also close earlier
     * @throws NullPointerException if the signal or the receiver is null
     */
    public <T> SignalConnection connect(Signal<T> signal, Receiver<? super T> receiver, ConnectOption... options) {
        Objects.requireNonNull(signal, "signal");
        return add(signal.connect(receiver, options));
    }

    /**
     * Holds a connection made elsewhere (a responder, a weak receiver, a
     * {@link signals.core.SignalBinding}) until the test ends.
     *
     * @param connection the connection, not null
     * @param <C> the connection's type
     * @return the same connection
     * @throws NullPointerException if the connection is null
     */
    public <C extends SignalConnection> C add(C connection) {
        Objects.requireNonNull(connection, "connection");
        synchronized (this) {
            held.add(new Held(connection, tests > 0 || classes == 0 ? TEST : classes));
        }
        return connection;
    }

    /**
     * Holds several connections until the test ends, such as those a
     * {@link signals.core.SignalBinding} returns.
     *
     * @param connections the connections, not null and without nulls
     * @throws NullPointerException if the collection or one of its connections is null
     */
    public void addAll(Collection<? extends SignalConnection> connections) {
        // Checked first, so that a null in the middle leaves none of them half-held.
        List<SignalConnection> copy = List.copyOf(connections);
        copy.forEach(this::add);
    }

    /**
     * Lists the connections held now, in the order they were added.
     *
     * @return a snapshot
     */
    public synchronized List<SignalConnection> connections() {
        List<SignalConnection> list = new ArrayList<>(held.size());
        held.forEach(h -> list.add(h.connection));
        return list;
    }

    /**
     * Called by JUnit before a class's {@code @BeforeAll} methods (static fields only).
     *
     * @param context the class's context
     */
    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        classes++;
    }

    /**
     * Called by JUnit before a test's {@code @BeforeEach} methods.
     *
     * @param context the test's context
     */
    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        tests++;
    }

    /**
     * Called by JUnit after a test's {@code @AfterEach} methods: disconnects what the test
     * connected.
     *
     * @param context the test's context
     */
    @Override
    public void afterEach(ExtensionContext context) {
        List<SignalConnection> ended;
        synchronized (this) {
            tests--;
            ended = remove(TEST);
        }
        disconnect(ended);
    }

    /**
     * Called by JUnit after a class's {@code @AfterAll} methods (static fields only):
     * disconnects what the class's {@code @BeforeAll} methods connected.
     *
     * @param context the class's context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        List<SignalConnection> ended;
        synchronized (this) {
            ended = remove(classes--);
        }
        disconnect(ended);
    }

    @Override
    public synchronized String toString() {
        return "TestReceivers" + connections();
    }

    // Takes out the connections of this depth and deeper (a test's are deepest of all).
    private List<SignalConnection> remove(int depth) {
        List<SignalConnection> removed = new ArrayList<>();
        held.removeIf(h -> h.depth >= depth && removed.add(h.connection));
        return removed;
    }

    // Last connected, first disconnected, as try-with-resources would; outside the lock, since
    // disconnecting takes the signal's.
    private static void disconnect(List<SignalConnection> connections) {
        for (int i = connections.size() - 1; i >= 0; i--) {
            connections.get(i).disconnect();
        }
    }

    private static final class Held {

        final SignalConnection connection;
        final int depth;

        Held(SignalConnection connection, int depth) {
            this.connection = connection;
            this.depth = depth;
        }
    }
}
