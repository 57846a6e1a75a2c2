package signals.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import signals.core.Signal;
import signals.core.SignalConnection;
import signals.relay.spi.Transport;
import signals.relay.spi.TransportSession;

/**
 * Relays chosen signals to every instance of an application: a send on one instance reaches
 * the receivers of that signal on this instance, as always, and, once its transaction has
 * committed, those of every other instance, through a broker.
 *
 * <pre>{@code
 * static final Signal<Kwargs> ORDER_PAID = Signal.withArguments("order_paid", "order", "cents");
 *
 * Relay relay = Relay.builder("shop")
 *         .instanceId("web-1")
 *         .relay(ORDER_PAID, RelayCodec.kwargs())
 *         .transport(NatsRelay.server("nats://127.0.0.1:4222"))
 *         .start();
 * ...
 * relay.close(); // at shutdown: publishes what is queued, stops its threads
 * }</pre>
 *
 * <h2>What a receiver gets</h2>
 * A send that another instance made arrives as a send from a {@link Remote} sender: which
 * instance, the sender it gave (as text), the send's id and when it was relayed. Delivery is at
 * least once: a receiver that must not act twice keeps the ids it has seen. Each instance's sends
 * arrive in the order they were relayed. {@link Remote#only} connects a receiver for remote
 * sends only. A remote send is never relayed again.
 *
 * <h2>When a send leaves</h2>
 * The relay connects one receiver to each relayed signal. It writes the send with the signal's
 * codec during the send, so that a payload the codec cannot write, or a message over the
 * broker's size limit, fails the send itself, naming the signal (as any receiver's exception
 * does: {@code sendRobust} logs it instead). It then hands the message over with
 * {@link signals.core.Transactions#onCommit}: a send inside a transaction leaves after the
 * transaction commits, and never if it rolls back; a send outside one leaves at once. The
 * message waits in a queue of this relay, in memory, until the broker confirms it: a send that a
 * crash catches in the queue is lost (the outbox of a database transport would keep it). Each
 * instance's messages are published in the order they were queued, which for one thread is the
 * order it sent them.
 *
 * <h2>Instance ids</h2>
 * Each instance needs an id of its own that stays the same across its restarts: the broker keeps
 * the instance's position under it, and an instance that comes back under the same id catches up
 * on what it missed within the retention, then continues live. Two running instances must never
 * share an id: they would split the messages between them. Good ids: a StatefulSet pod's name, a
 * host name plus port.
 *
 * <h2>Malformed messages</h2>
 * A message the relay cannot read (a newer wire version, an unknown signal, a codec that fails,
 * too large) is logged with what was wrong, counted in {@link RelayState#skipped()}, recorded as
 * a {@code signals.RelaySkip} Flight Recorder event, acknowledged and skipped; it never reaches a
 * receiver and never stops the relay.
 *
 * @since 0.10
 */
public final class Relay implements AutoCloseable {

    static final System.Logger LOG = System.getLogger("signals.relay");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final List<Relay> RUNNING = new CopyOnWriteArrayList<>();
    /** The application and instance of every relay started and not closed: one each per JVM. */
    private static final Set<String> STARTED = ConcurrentHashMap.newKeySet();


    private final String application;
    private final String instanceId;
    private final Duration retention;
    private final Transport transport;
    private final Map<String, Binding<?>> bindings;
    private final Incoming incoming;
    private final TransportSession session;
    private final Outgoing outgoing;
    private final List<SignalConnection> connections = new ArrayList<>();
    private final long drainMillis;
    private boolean closed; // guarded by this

    private Relay(Builder builder, Transport transport) {
        this.application = builder.application;
        this.instanceId = builder.instanceId;
        this.retention = builder.retention;
        this.drainMillis = builder.drainMillis;
        this.transport = transport;
        this.bindings = Collections.unmodifiableMap(new LinkedHashMap<>(builder.bindings));
        this.incoming = new Incoming(this, bindings);
        // Two relays of one instance would each relay every send, under different ids that no
        // receiver could tell apart as repeats.
        if (!STARTED.add(key())) {
            throw new IllegalStateException(name() + " is running already in this JVM: close it first, or give this"
                    + " instance an id of its own");
        }
        try {
            this.session = transport.open(incoming);
        } catch (IOException e) {
            STARTED.remove(key());
            throw new UncheckedIOException(name() + " cannot start: " + transport.description() + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            STARTED.remove(key());
            throw e;
        }
        this.incoming.limit = session.maxMessageBytes();
        this.outgoing = new Outgoing(this, session, builder.maxWaiting, builder.fullWaitMillis, builder.holdMillis);
        this.incoming.outgoing = outgoing;
        for (Binding<?> binding : bindings.values()) {
            connections.add(binding.connect(outgoing, "relay " + application + "/" + instanceId));
        }
        RUNNING.add(this);
        RelayFlight.started();
    }

    /**
     * Starts describing a relay.
     *
     * @param application the application's name, shared by all its instances: letters, digits,
     *     {@code -} and {@code _}, at most 64; the broker's stream is named after it
     * @return a builder
     * @throws NullPointerException if the name is null
     * @throws IllegalArgumentException if the name has other characters or is empty
     */
    public static Builder builder(String application) {
        return new Builder(checkName("application name", application));
    }

    /**
     * The application's name.
     *
     * @return the name given to {@link #builder}
     */
    public String application() {
        return application;
    }

    /**
     * This instance's id.
     *
     * @return the id given to {@link Builder#instanceId}
     */
    public String instanceId() {
        return instanceId;
    }

    /**
     * The relayed signals, in the order they were added.
     *
     * @return a read-only list
     */
    public List<Signal<?>> signals() {
        List<Signal<?>> signals = new ArrayList<>();
        bindings.values().forEach(binding -> signals.add(binding.signal));
        return Collections.unmodifiableList(signals);
    }

    /**
     * The relay's counts since it started.
     *
     * @return a snapshot
     */
    public RelayState state() {
        outgoing.countConfirmed();
        return new RelayState(outgoing.relayed.get(), outgoing.waiting(), outgoing.dropped.get(),
                incoming.received.get(), incoming.duplicates.get(), incoming.skipped.get(), session.behind());
    }

    /**
     * The relays of this copy of the library that are running, in start order: what the
     * inventory shows.
     *
     * @return a snapshot
     */
    public static List<Relay> running() {
        return List.copyOf(RUNNING);
    }

    /**
     * Stops relaying: disconnects the relay's receivers, waits up to ten seconds for the broker
     * to confirm the sends still queued (those it does not confirm by then are dropped, counted
     * and logged), then closes the transport session. No thread of the relay is left once it
     * returns. Closing twice does nothing.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        connections.forEach(SignalConnection::disconnect);
        outgoing.close(drainMillis);
        session.close();
        RUNNING.remove(this);
        STARTED.remove(key());
        RelayFlight.stopped();
    }

    /** Describes the relay, its broker, its signals and its counts, as the inventory shows it. */
    @Override
    public String toString() {
        return name() + " over " + transport.description() + ", signals " + bindings.keySet() + ": " + state();
    }

    String name() {
        return "relay " + application + "/" + instanceId;
    }

    private String key() {
        return application + "/" + instanceId;
    }

    String transportDescription() {
        return transport.description();
    }

    Duration retention() {
        return retention;
    }

    private static String checkName(String what, String name) {
        Objects.requireNonNull(name, what);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name + "' must be 1 to 64 letters, digits, '-' or '_'");
        }
        return name;
    }

    /** The only transport installed, found with {@link ServiceLoader}. */
    private static Transport installedTransport() {
        List<Transport> found = new ArrayList<>();
        ServiceLoader.load(Transport.class, Relay.class.getClassLoader()).forEach(found::add);
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no relay transport is installed: add a transport module such as"
                    + " signals-relay-nats, or pass one to Relay.Builder.transport");
        }
        List<String> names = new ArrayList<>();
        found.forEach(transport -> names.add(transport.getClass().getName() + " (" + transport.description() + ")"));
        throw new IllegalStateException("several relay transports are installed, " + names
                + ": pass the one to use to Relay.Builder.transport");
    }

    /**
     * Describes a relay before it starts.
     *
     * @since 0.10
     */
    public static final class Builder {
        private final String application;
        private final Map<String, Binding<?>> bindings = new LinkedHashMap<>();
        private String instanceId;
        private Duration retention = Duration.ofHours(1);
        private Transport transport;
        private int maxWaiting = 10_000;
        // Fixed for users (documented on maxWaiting and close); shorter in tests.
        long fullWaitMillis = 5_000;
        long drainMillis = 10_000;
        long holdMillis = Outgoing.HOLD_MILLIS;

        private Builder(String application) {
            this.application = application;
        }

        /**
         * Sets this instance's id, which must stay the same across its restarts and differ from
         * every other running instance's (see {@link Relay}, "Instance ids"). Required.
         *
         * @param instanceId letters, digits, {@code -} and {@code _}, at most 64
         * @return this builder
         * @throws NullPointerException if the id is null
         * @throws IllegalArgumentException if it has other characters or is empty
         */
        public Builder instanceId(String instanceId) {
            this.instanceId = checkName("instance id", instanceId);
            return this;
        }

        /**
         * Relays a signal, whose payload travels as its codec writes it. Signals are told apart
         * on the wire by name: every instance must relay it under the same name, with a codec
         * that reads what the others write.
         *
         * @param signal the signal, not null
         * @param codec its payload's codec, not null
         * @param <T> the payload type
         * @return this builder
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if a signal of that name is relayed already
         */
        public <T> Builder relay(Signal<T> signal, RelayCodec<T> codec) {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(codec, () -> "signal '" + signal.name() + "' needs a codec: RelayCodec.kwargs()"
                    + " for Kwargs payloads, RelayCodec.none() for none, or one of your own");
            if (bindings.containsKey(signal.name())) {
                throw new IllegalArgumentException("signal '" + signal.name() + "' is relayed already: relayed"
                        + " signals are told apart by name");
            }
            bindings.put(signal.name(), new Binding<>(signal, codec));
            return this;
        }

        /**
         * Sets how long the broker keeps relayed sends for instances that are down: one that
         * comes back later misses what is older. One hour unless set.
         *
         * @param retention a positive duration
         * @return this builder
         * @throws NullPointerException if it is null
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder retention(Duration retention) {
            Objects.requireNonNull(retention, "retention");
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("retention must be positive, not " + retention);
            }
            this.retention = retention;
            return this;
        }

        /**
         * Sets the broker, as a transport module's options: {@code NatsRelay.server(url)}. Unless
         * set, the relay uses the one transport module installed, with its default settings.
         *
         * @param transport the transport, not null
         * @return this builder
         * @throws NullPointerException if it is null
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Sets how many sends may wait for the broker; while that many wait, a send waits up to
         * five seconds for room, then is dropped (counted, and its receiver throws). 10,000
         * unless set.
         *
         * @param maxWaiting a positive count
         * @return this builder
         * @throws IllegalArgumentException if it is not positive
         */
        public Builder maxWaiting(int maxWaiting) {
            if (maxWaiting <= 0) {
                throw new IllegalArgumentException("maxWaiting must be positive, not " + maxWaiting);
            }
            this.maxWaiting = maxWaiting;
            return this;
        }

        /**
         * Connects to the broker (creating the application's stream and this instance's position
         * when they do not exist yet), starts delivering what other instances sent, and starts
         * relaying this instance's sends.
         *
         * <p>Close the relay at shutdown: a send still queued when the JVM exits is lost (and
         * some brokers' clients keep the JVM from exiting until their connection is closed).
         *
         * @return the running relay, to close at shutdown
         * @throws IllegalStateException if no instance id or no signal was given, the transport is
         *     not set and not exactly one is installed, or a relay of the same application and
         *     instance id runs already in this JVM
         * @throws UncheckedIOException if the broker cannot be reached or refuses the set-up
         */
        public Relay start() {
            if (instanceId == null) {
                throw new IllegalStateException("relay of '" + application + "' has no instance id: give each"
                        + " instance an id that stays the same across its restarts (see Relay, \"Instance ids\")");
            }
            if (bindings.isEmpty()) {
                throw new IllegalStateException("relay " + application + "/" + instanceId + " relays no signal:"
                        + " add one with relay(signal, codec)");
            }
            return new Relay(this, transport != null ? transport : installedTransport());
        }
    }
}
