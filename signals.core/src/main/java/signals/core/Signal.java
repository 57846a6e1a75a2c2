package signals.core;

import java.util.ArrayList;
import java.lang.ref.Reference;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import signals.core.internal.SpiBridge;

/**
 * A named event that receivers connect to and senders send: Django's {@code Signal}.
 *
 * <p>Declare a signal once, as a constant, with the type of the payload it carries:
 *
 * <pre>{@code
 * public record PizzaDone(int toppings, int size) {}
 * public static final Signal<PizzaDone> PIZZA_DONE = Signal.of("pizza_done", PizzaDone.class);
 *
 * PIZZA_DONE.connect((signal, sender, pizza) -> System.out.println(sender + " " + pizza));
 * PIZZA_DONE.send("seven", new PizzaDone(123, 456));
 * }</pre>
 *
 * <p>Django's keyword-argument style is there too, checked: {@link #withArguments} declares the
 * argument names, and a send that leaves one out or adds an undeclared one fails.
 *
 * <h2>Receivers and senders</h2>
 * A receiver is connected either for every sender or, with {@link ConnectOption#sender}, for one
 * sender only; senders are compared with {@code equals}, so classes, enum constants and strings
 * work as Django's senders do. As in Django, a connection never keeps its sender alive: a sender
 * that is any other object is held weakly, and its connections go once it is collected. A receiver connected twice for the same sender (the same object,
 * or the same {@linkplain ConnectOption#dispatchUid dispatch uid}) is connected once: the first
 * connection stays, in its place. Receivers are called in connection order, in the sending
 * thread (or, for the asynchronous sends, on the executor).
 *
 * <h2>Strong and weak connections</h2>
 * {@link #connect} holds the receiver strongly: a lambda usually has no other reference, and a
 * weakly held one would vanish at the next garbage collection, silently. To tie a receiver to the
 * lifetime of an object, use {@link #connectWeak}: the connection is dropped once the owner has
 * been collected, and never keeps the owner alive.
 *
 * <h2>Disconnecting</h2>
 * The primary way is the {@link SignalConnection} that every {@code connect} returns: call its
 * {@link SignalConnection#disconnect() disconnect()}, or connect in a try-with-resources block.
 * Django's forms are there for code that does not hold the handle:
 * {@link #disconnect(Receiver, ConnectOption...) disconnect(receiver, sender)} with the receiver
 * object that was connected, {@link #disconnectUid disconnectUid(uid, sender)} for a connection
 * made with a dispatch uid, and {@link #disconnectWeak disconnectWeak(owner, receiver)} for a weak
 * one. Each returns true only if it removed a live connection. {@link Signals#disconnectAll}
 * removes everything a class loader or module layer brought, when it is undeployed.
 *
 * <h2>Responders that answer later</h2>
 * A {@link Responder} may answer with a {@link java.util.concurrent.CompletionStage}, Django's
 * {@code async def} receiver. The asynchronous sends follow the stage without blocking. The
 * blocking sends ({@link #fire}, {@link #send}, {@link #sendRobust}) first call every receiver,
 * then wait in the sending thread for each stage in connection order, as Django's {@code send}
 * starts every coroutine and then gathers them: two responders whose stages wait for each other
 * complete. A stage's result is the reply, and its failure is raised as if the responder had
 * thrown it (captured as the reply by {@code sendRobust}); the first failure in connection order
 * is the one raised. A blocking send therefore never returns while a stage waits for the sending
 * thread itself, as when it is sent from the only thread of the executor that would complete the
 * stage; send with {@link #sendAsync} from there. An interrupt while waiting ends the wait with a
 * {@link ReceiverException} whose cause is the {@link InterruptedException}, and the thread stays
 * interrupted.
 *
 * <h2>Receivers that wait for the transaction</h2>
 * A receiver connected with {@link ConnectOption#phase} is not called by the send: the call is
 * queued on the sending thread's transaction and made when it commits or rolls back (outside a
 * transaction, right after the other receivers). No send returns a reply for it. See
 * {@link TransactionPhase}.
 *
 * <h2>Threads</h2>
 * Once receiver discovery has run, sending never takes a lock: it reads an immutable snapshot
 * of the receivers. Connecting and disconnecting publish a new snapshot, so a receiver may send,
 * connect or disconnect during a send; a receiver connected during a send is not called by that
 * send.
 *
 * <h2>Discovery</h2>
 * The first send of any signal runs every {@link ReceiverProvider} found on the module path or
 * class path, once, while other first sends wait for it; see {@link Signals}. Connecting by hand
 * neither starts nor waits for discovery.
 *
 * @param <T> the payload type; {@code Void} for a signal that carries nothing but its sender
 * @since 0.1
 */
public final class Signal<T> {

    static {
        SpiBridge.open(new SpiMachinery()); // the one door of signals.core.spi: see SpiBridge
    }

    private final String name;
    private final Class<? super T> payloadType;
    private final List<String> argumentNames; // null: payload not checked by name
    private final String firedBy;
    private final Origin declaredBy;
    private final Object lock = new Object();

    // The only mutable state: an immutable snapshot that senders read without locking. Set
    // before the signal is published to discovery, which may flip it from another thread.
    private volatile Index index = Index.PENDING;
    // What fire calls when every receiver listens to every sender: the common case, one volatile
    // read away. Null while discovery is pending or some receiver listens to particular senders.
    private volatile Receiver<Object>[] direct;
    // The same for send, which needs the links beside the receivers.
    private volatile Index.Route directRoute;
    private int mutes; // guarded by lock

    private Signal(String name, Class<? super T> payloadType, List<String> argumentNames, String firedBy) {
        this.name = name;
        this.payloadType = payloadType;
        this.argumentNames = argumentNames;
        this.firedBy = firedBy;
        this.declaredBy = Origin.caller();
        Discovery.register(this);
    }

    /**
     * Declares a signal whose payload is an instance of {@code payloadType}, typically a record.
     *
     * <p>A generic payload takes its raw class: {@code Signal<Saved<Order>> s = Signal.of("saved",
     * Saved.class)} compiles without a warning, and sends are checked against {@code Saved}.
     *
     * @param name the signal's name, shown in logs and in {@link Signals#inventory()}; not null
     * @param payloadType the payload class; {@code Void.class} for a signal without payload
     * @param <T> the payload type
     * @return a new signal with no receivers
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank or the type is primitive
     */
    public static <T> Signal<T> of(String name, Class<? super T> payloadType) {
        return Signal.<T>builder(name, payloadType).build();
    }

    /**
     * Declares a signal in Django's keyword-argument style: its payload is an {@link Kwargs}
     * that must carry exactly the named arguments, which Django's {@code providing_args} only
     * documented and this library checks.
     *
     * <pre>{@code
     * Signal<Kwargs> pizzaDone = Signal.withArguments("pizza_done", "toppings", "size");
     * pizzaDone.send("seven", Kwargs.of("toppings", 123, "size", 456));
     * }</pre>
     *
     * @param name the signal's name, not null
     * @param argumentNames the names every send must provide, none null, none repeated
     * @return a new signal with no receivers
     * @throws NullPointerException if the name or an argument name is null
     * @throws IllegalArgumentException if a name is blank or repeated
     */
    public static Signal<Kwargs> withArguments(String name, String... argumentNames) {
        return builder(name, Kwargs.class).arguments(argumentNames).build();
    }

    /**
     * Starts declaring a signal with more detail than {@link #of} takes.
     *
     * @param name the signal's name, not null
     * @param payloadType the payload class, not null
     * @param <T> the payload type
     * @return a builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank or the type is primitive
     */
    public static <T> Builder<T> builder(String name, Class<? super T> payloadType) {
        return new Builder<>(name, payloadType);
    }

    /**
     * Returns the name the signal was declared with, such as {@code "post_save"}.
     *
     * @return the name, never null
     */
    public String name() {
        return name;
    }

    /**
     * Returns the payload class every send is checked against.
     *
     * @return the payload class, never null
     */
    public Class<? super T> payloadType() {
        return payloadType;
    }

    /**
     * Returns the argument names declared with {@link #withArguments}.
     *
     * @return the names in declaration order, empty for a typed signal
     */
    public List<String> argumentNames() {
        return argumentNames == null ? List.of() : argumentNames;
    }

    /**
     * Returns the module that fires this signal, for the built-in signals of adapter modules.
     *
     * @return the module name, such as {@code "signals.jdbc"}, or empty for an application's own
     *     signal
     */
    public Optional<String> firedBy() {
        return Optional.ofNullable(firedBy);
    }

    // ----------------------------------------------------------------------------- connecting

    /**
     * Connects a receiver, strongly, for every sender or for the sender named in the options.
     *
     * <pre>{@code
     * PIZZA_DONE.connect(kitchen::announce);
     * PIZZA_DONE.connect(kitchen::announce, ConnectOption.sender("seven"), ConnectOption.dispatchUid("announce"));
     * }</pre>
     *
     * <p>Connecting does not wait for receiver discovery: receivers connected before the first
     * send are called before those of the {@link ReceiverProvider}s.
     *
     * @param receiver the receiver, not null
     * @param options a sender ({@link ConnectOption#sender} or {@link ConnectOption#senderOrSubclassOf})
     *     and a {@link ConnectOption#dispatchUid}, each at most once
     * @return the connection; when this receiver (or dispatch uid) is already connected for the
     *     same sender, a view of that connection whose {@code close()} leaves it connected
     * @throws NullPointerException if the receiver or an option is null
     * @throws IllegalArgumentException if an option is given twice
     */
    public SignalConnection connect(Receiver<? super T> receiver, ConnectOption... options) {
        notNull(receiver, "receiver");
        return connect(Link.receiver(this, receiver, options(options), Origin.caller()));
    }

    /**
     * Connects a receiver that answers: its return value becomes its {@link Reply}.
     *
     * @param responder the responder, not null
     * @param options as for {@link #connect}
     * @return the connection, or the existing one, as for {@link #connect}
     * @throws NullPointerException if the responder or an option is null
     * @throws IllegalArgumentException if an option is given twice
     */
    public SignalConnection connectResponder(Responder<? super T> responder, ConnectOption... options) {
        notNull(responder, "responder");
        return connect(Link.responder(this, responder, options(options), Origin.caller()));
    }

    /**
     * Connects a receiver on behalf of an owner that the signal holds only weakly: once the owner
     * has been garbage collected, the connection is dropped. The owner is passed to the receiver
     * on every call, so the receiver itself need not (and must not) capture it.
     *
     * <pre>{@code
     * PRICE_CHANGED.connectWeak(view, PriceView::refresh);
     * }</pre>
     *
     * @param owner the object whose lifetime bounds the connection, not null
     * @param receiver the receiver, not null; it must not hold the owner itself
     * @param options as for {@link #connect}
     * @param <O> the owner type
     * @return the connection, or the existing one for the same owner, receiver and sender
     * @throws NullPointerException if an argument or an option is null
     * @throws IllegalArgumentException if an option is given twice
     */
    public <O> SignalConnection connectWeak(O owner, WeakReceiver<? super O, ? super T> receiver,
                                            ConnectOption... options) {
        notNull(owner, "owner");
        notNull(receiver, "receiver");
        return connectOwned(owner, Link.weak(this, owner, receiver, options(options), Origin.caller()));
    }

    /**
     * Connects a responder on behalf of an owner held only weakly, as {@link #connectWeak} does
     * for a receiver: the responder's answer becomes its {@link Reply}, as a weakly connected
     * bound method's return value does in Django.
     *
     * <pre>{@code
     * ORDER_PLACED.connectWeakResponder(view, StockView::reserve);
     * }</pre>
     *
     * @param owner the object whose lifetime bounds the connection, not null
     * @param responder the responder, not null; it must not hold the owner itself
     * @param options as for {@link #connect}
     * @param <O> the owner type
     * @return the connection, or the existing one for the same owner, responder and sender
     * @throws NullPointerException if an argument or an option is null
     * @throws IllegalArgumentException if an option is given twice
     */
    public <O> SignalConnection connectWeakResponder(O owner, WeakResponder<? super O, ? super T> responder,
                                                     ConnectOption... options) {
        notNull(owner, "owner");
        notNull(responder, "responder");
        return connectOwned(owner,
                Link.weakResponder(this, owner, responder, options(options), Origin.caller()));
    }

    private SignalConnection connectOwned(Object owner, Link candidate) {
        try {
            return connect(candidate);
        } finally {
            // Keeps the owner alive until its cleaner is registered: else the JIT may let it be
            // collected in between, leaving a dead link that no cleaner would ever sweep.
            Reference.reachabilityFence(owner);
        }
    }

    /**
     * Disconnects a receiver connected with {@link #connect}, when the {@link SignalConnection}
     * that {@code connect} returned is not at hand: Django's {@code disconnect(receiver, sender)}.
     * Give the receiver object that was connected, with the same sender. (The connection handle
     * is the primary way; see "Disconnecting" above.)
     *
     * <p>A lambda or method reference written inline here can never match, since it is a new
     * object: such a call does not compile ("reference to disconnect is ambiguous"). The receiver
     * is a type variable for that reason alone: javac does not pick an overload by a lambda whose
     * target is a type variable, so every lambda fits this method and
     * {@link #disconnect(Responder, ConnectOption...)} alike. Pass the variable that was connected.
     *
     * @param receiver the receiver that was connected, not null
     * @param <R> the receiver's type
     * @param options the {@link ConnectOption#sender} or {@link ConnectOption#senderOrSubclassOf}
     *     it was connected for, if any
     * @return true if a live connection was removed, false if there was none
     * @throws NullPointerException if the receiver or an option is null
     * @throws IllegalArgumentException if an option is given twice
     */
    @SuppressWarnings("overloads") // on purpose: an inline lambda, which can never match, must not compile
    public <R extends Receiver<?>> boolean disconnect(R receiver, ConnectOption... options) {
        return disconnectReceiver(null, receiver, "receiver", options);
    }

    /**
     * Disconnects a responder connected with {@link #connectResponder}; see
     * {@link #disconnect(Receiver, ConnectOption...)}.
     *
     * @param responder the responder that was connected, not null
     * @param options the sender it was connected for, if any
     * @param <R> the responder's type
     * @return true if a live connection was removed, false if there was none
     * @throws NullPointerException if the responder or an option is null
     * @throws IllegalArgumentException if an option is given twice
     */
    @SuppressWarnings("overloads") // see disconnect(Receiver, ConnectOption...)
    public <R extends Responder<?>> boolean disconnect(R responder, ConnectOption... options) {
        return disconnectReceiver(null, responder, "responder", options);
    }

    /**
     * Disconnects the connection made with this dispatch uid, whatever its receiver: Django's
     * {@code disconnect(dispatch_uid=...)}.
     *
     * @param dispatchUid the uid it was connected with, not null
     * @param options the {@link ConnectOption#sender} it was connected for, if any
     * @return true if a live connection was removed, false if there was none
     * @throws NullPointerException if the uid or an option is null
     * @throws IllegalArgumentException if an option is given twice, or is itself a dispatch uid
     */
    public boolean disconnectUid(String dispatchUid, ConnectOption... options) {
        notNull(dispatchUid, "dispatchUid");
        ConnectOption.Parsed parsed = options(options).withUid(dispatchUid);
        return disconnectWhere(link -> link.matches(null, null, parsed));
    }

    /**
     * Disconnects a receiver connected with {@link #connectWeak}, by its owner and receiver.
     *
     * @param owner the owner it was connected with, not null
     * @param receiver the receiver, not null; an inline lambda does not compile, as for
     *     {@link #disconnect(Receiver, ConnectOption...)}
     * @param options the sender it was connected for, if any
     * @param <R> the receiver's type
     * @return true if a live connection was removed, false if there was none
     * @throws NullPointerException if an argument or an option is null
     * @throws IllegalArgumentException if an option is given twice
     */
    @SuppressWarnings("overloads") // on purpose: an inline lambda, which can never match, must not compile
    public <R extends WeakReceiver<?, ?>> boolean disconnectWeak(Object owner, R receiver, ConnectOption... options) {
        return disconnectReceiver(notNull(owner, "owner"), receiver, "receiver", options);
    }

    /**
     * Disconnects a responder connected with {@link #connectWeakResponder}, by its owner and
     * responder.
     *
     * @param owner the owner it was connected with, not null
     * @param responder the responder, not null
     * @param options the sender it was connected for, if any
     * @param <R> the responder's type
     * @return true if a live connection was removed, false if there was none
     * @throws NullPointerException if an argument or an option is null
     * @throws IllegalArgumentException if an option is given twice
     */
    @SuppressWarnings("overloads") // see disconnect(Receiver, ConnectOption...)
    public <R extends WeakResponder<?, ?>> boolean disconnectWeak(Object owner, R responder, ConnectOption... options) {
        return disconnectReceiver(notNull(owner, "owner"), responder, "responder", options);
    }

    /** Null checks whose message names the signal too, so that the log line alone says where. */
    private <V> V notNull(V value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " is null, " + where());
        }
        return value;
    }

    private ConnectOption.Parsed options(ConnectOption[] options) {
        return ConnectOption.parse(options, where());
    }

    private String where() {
        return "for signal '" + name + "'";
    }

    private boolean disconnectReceiver(Object owner, Object receiver, String what, ConnectOption[] options) {
        notNull(receiver, what);
        ConnectOption.Parsed parsed = options(options);
        return disconnectWhere(link -> link.matches(receiver, owner, parsed));
    }

    /**
     * Tells whether a send from this sender would reach any receiver, without calling one:
     * Django's {@code has_listeners(sender)}. It finds the sender's receivers with one map
     * look-up, then stops at the first live one.
     *
     * @param sender the sender; null asks about receivers connected for every sender, which is
     *     what Django's {@code has_listeners()} without a sender means
     * @return true if at least one receiver would be called
     */
    public boolean hasListeners(Object sender) {
        return ready(false).route(sender).anyLive();
    }

    /**
     * Lists the live connections, in connection order.
     *
     * @return an immutable snapshot
     */
    public List<SignalConnection> receivers() {
        List<SignalConnection> live = new ArrayList<>();
        for (Link link : ready(false).links) {
            if (link.isLive()) {
                live.add(link);
            }
        }
        return Collections.unmodifiableList(live);
    }

    /**
     * Silences this signal until the returned handle is closed: sends reach no receiver, while
     * connecting and disconnecting go on as usual and count once the signal speaks again. Mutes
     * nest; the signal speaks again when the last one is closed. What factory_boy's
     * {@code mute_signals} does for Django tests, without disconnecting anything.
     *
     * <pre>{@code
     * try (Signal.Mute mute = POST_SAVE.mute()) {
     *     loadFixtures();
     * }
     * }</pre>
     *
     * @return the handle that ends this mute; closing it twice is harmless
     */
    public Mute mute() {
        synchronized (lock) {
            if (mutes++ == 0) {
                publish(index.muted(true));
            }
        }
        return new Mute();
    }

    /**
     * Tells whether the signal is muted.
     *
     * @return true while at least one {@link #mute()} is open
     */
    public boolean isMuted() {
        return index.muted;
    }

    /**
     * Ends one {@link Signal#mute()}.
     *
     * @since 0.1
     */
    public final class Mute implements AutoCloseable {

        private boolean open = true; // guarded by the signal's lock

        private Mute() {
        }

        /** Ends this mute; the signal speaks again once no other mute is open. */
        @Override
        public void close() {
            synchronized (lock) {
                if (open) {
                    open = false;
                    if (--mutes == 0) {
                        publish(index.muted(false));
                    }
                }
            }
        }
    }

    // -------------------------------------------------------------------------------- sending

    /**
     * Sends without collecting replies: the fastest send, allocating nothing. Every receiver that
     * matches the sender is called in connection order, in this thread; the first exception stops
     * the send and reaches the caller (a checked one wrapped in {@link ReceiverException}).
     * Responders' {@link java.util.concurrent.CompletionStage}s are waited for, as by
     * {@link #send}, once every receiver has been called.
     *
     * @param sender who sends; null reaches only receivers connected for every sender
     * @param payload the payload, an instance of {@link #payloadType()}; null only for {@code Void}
     * @throws NullPointerException if the payload is null on a signal that has one
     * @throws IllegalArgumentException if the payload is of the wrong type or, for
     *     {@link #withArguments} signals, lacks a declared argument or has an undeclared one
     */
    public void fire(Object sender, T payload) {
        checkPayload(payload);
        if (!Delivery.allow(this, sender, payload)) {
            return;
        }
        Receiver<Object>[] targets = direct;
        if (targets != null && !Flight.recording) {
            Delivery.call(this, targets, sender, payload);
            return;
        }
        Index.Route route = ready(true).route(sender);
        if (route.deferred != null) {
            Delivery.deferring(this, route, sender, payload, Delivery.Way.FIRE);
            return;
        }
        if (Flight.recording && route.targets != null) {
            // Straight from here, not through Delivery.fire: one call deeper, C2 no longer
            // inlined the events' commits, and FlightBenchmark.fire (flight=both, work=0)
            // allocated 48 B/op where this measured 0 (side-by-side run of issue 22).
            FlightEvents.fire(this, route.links, sender, payload);
            return;
        }
        Delivery.fire(this, route, sender, payload);
    }

    /**
     * Sends and collects every receiver's reply: Django's {@code send}. Receivers are called in
     * connection order, in this thread; the first exception stops the send and reaches the caller
     * (a checked one wrapped in {@link ReceiverException}). A responder that answers with a
     * {@link java.util.concurrent.CompletionStage} is waited for once every receiver has been
     * called, and its result is its reply; see "Responders that answer later" above.
     *
     * <p>The replies come in connection order. Django's {@code send} puts the replies of its
     * synchronous receivers first and those of its {@code async def} receivers after them; here a
     * responder's reply keeps its receiver's place, whether it answered at once or with a stage.
     *
     * @param sender who sends; null reaches only receivers connected for every sender
     * @param payload the payload; null only for {@code Void}
     * @return one reply per receiver called, in connection order, as a read-only list; empty
     *     when nobody listens
     * @throws NullPointerException if the payload is null on a signal that has one
     * @throws IllegalArgumentException if the payload does not fit the signal
     */
    public List<Reply> send(Object sender, T payload) {
        checkPayload(payload);
        if (!Delivery.allow(this, sender, payload)) {
            return List.of();
        }
        Index.Route route = directRoute;
        if (route == null) {
            route = ready(true).route(sender);
            if (route.deferred != null) {
                return Delivery.deferring(this, route, sender, payload, Delivery.Way.SEND);
            }
        }
        return Delivery.send(this, route, sender, payload);
    }

    /**
     * Sends to every receiver even when some throw: Django's {@code send_robust}. An exception
     * becomes its receiver's reply and is logged (at {@code ERROR}, on the {@code System.Logger}
     * named {@code signals.core}, naming the signal and the receiver). A responder's
     * {@link java.util.concurrent.CompletionStage} is waited for once every receiver has been
     * called, and its failure becomes its reply in the same way. {@link Error}s are not caught.
     *
     * @param sender who sends; null reaches only receivers connected for every sender
     * @param payload the payload; null only for {@code Void}
     * @return one reply per receiver called, in call order, as a read-only list
     * @throws NullPointerException if the payload is null on a signal that has one
     * @throws IllegalArgumentException if the payload does not fit the signal
     */
    public List<Reply> sendRobust(Object sender, T payload) {
        return sendRobust(sender, payload, true);
    }

    /**
     * {@link #sendRobust}, with the failures logged or left to a host that reports them itself
     * ({@code SignalAdapter.sendRobustFromHost}), so that each is reported once.
     */
    List<Reply> sendRobust(Object sender, T payload, boolean log) {
        checkPayload(payload);
        if (!Delivery.allow(this, sender, payload)) {
            return List.of();
        }
        Index.Route route = ready(true).route(sender);
        Delivery.Way way = log ? Delivery.Way.ROBUST : Delivery.Way.HOST_ROBUST;
        if (route.deferred != null) {
            return Delivery.deferring(this, route, sender, payload, way);
        }
        if (route.links.length == 0) {
            return List.of();
        }
        return Delivery.collect(this, route.links, sender, payload, way);
    }

    /**
     * Sends on a thread of its own and completes with the replies: Django's {@code asend}. See
     * {@link #sendAsync(Object, Object, Executor)}.
     *
     * <p>On JDK 21 and later each such send runs on a new virtual thread, so that receivers that
     * block (on I/O, say) in concurrent sends wait side by side. On JDK 17 to 20 it runs on the
     * common {@link java.util.concurrent.ForkJoinPool}, whose parallelism is one less than the
     * number of cores (where that is one, {@link CompletableFuture} starts a platform thread per
     * send instead): there, give receivers that block an executor of their own.
     *
     * @param sender who sends; null reaches only receivers connected for every sender
     * @param payload the payload; null only for {@code Void}
     * @return a future of the replies, in connection order
     * @throws NullPointerException if the payload is null on a signal that has one
     * @throws IllegalArgumentException if the payload does not fit the signal
     */
    public CompletableFuture<List<Reply>> sendAsync(Object sender, T payload) {
        return sendAsync(sender, payload, Delivery.defaultExecutor());
    }

    /**
     * Sends on the given executor and completes with the replies: Django's {@code asend}.
     *
     * <p>The receivers are the ones connected when this method is called. They run one after
     * another in connection order, in one task on the executor; a {@link Responder} that answers
     * with a {@link java.util.concurrent.CompletionStage} is awaited without blocking, and its
     * result becomes its reply. The future fails with the first exception in connection order,
     * once every answer before it is in; a receiver that throws stops the receivers after it from
     * being called.
     *
     * @param sender who sends; null reaches only receivers connected for every sender
     * @param payload the payload; null only for {@code Void}
     * @param executor where the receivers run, not null
     * @return a future of the replies, in connection order
     * @throws NullPointerException if the executor is null, or the payload on a signal that has one
     * @throws IllegalArgumentException if the payload does not fit the signal
     */
    public CompletableFuture<List<Reply>> sendAsync(Object sender, T payload, Executor executor) {
        return sendAsync(sender, payload, executor, false);
    }

    /**
     * Sends robustly on a thread of its own, as {@link #sendAsync(Object, Object)} does: Django's
     * {@code asend_robust}. See {@link #sendRobustAsync(Object, Object, Executor)}.
     *
     * @param sender who sends; null reaches only receivers connected for every sender
     * @param payload the payload; null only for {@code Void}
     * @return a future of the replies, which never fails because of a receiver
     * @throws NullPointerException if the payload is null on a signal that has one
     * @throws IllegalArgumentException if the payload does not fit the signal
     */
    public CompletableFuture<List<Reply>> sendRobustAsync(Object sender, T payload) {
        return sendRobustAsync(sender, payload, Delivery.defaultExecutor());
    }

    /**
     * Sends robustly on the given executor: every receiver is called, and each exception (thrown,
     * or from a failed {@link java.util.concurrent.CompletionStage}) becomes its receiver's reply
     * and is logged, as in {@link #sendRobust}.
     *
     * @param sender who sends; null reaches only receivers connected for every sender
     * @param payload the payload; null only for {@code Void}
     * @param executor where the receivers run, not null
     * @return a future of the replies, in connection order
     * @throws NullPointerException if the executor is null, or the payload on a signal that has one
     * @throws IllegalArgumentException if the payload does not fit the signal
     */
    public CompletableFuture<List<Reply>> sendRobustAsync(Object sender, T payload, Executor executor) {
        return sendAsync(sender, payload, executor, true);
    }

    @Override
    public String toString() {
        return "Signal[" + name + "]";
    }

    // ---------------------------------------------------------------------------- internals

    private CompletableFuture<List<Reply>> sendAsync(Object sender, T payload, Executor executor,
                                                     boolean robust) {
        Objects.requireNonNull(executor, "executor");
        checkPayload(payload);
        if (!Delivery.allow(this, sender, payload)) {
            return CompletableFuture.completedFuture(List.of());
        }
        Index.Route route = ready(true).route(sender);
        if (route.deferred != null) {
            return Delivery.sendAsyncDeferring(this, route, sender, payload, robust, executor);
        }
        if (route.links.length == 0) {
            return CompletableFuture.completedFuture(List.of());
        }
        return Delivery.sendAsync(this, route.links, sender, payload, robust, executor);
    }

    /**
     * An adapter's host event, its route looked up now. While receivers are being discovered in
     * this thread there is no route yet: the event is heard by observers only, and a send from
     * it fails as any send during discovery does.
     */
    HostRoute<T> hostEvent(Object sender) {
        Index current = ready(false);
        return new HostRoute<>(this, sender, current.pending ? null : current.route(sender));
    }

    /** Whether any live receiver listens, for any sender; false while muted. For adapters. */
    boolean anyReceiver() {
        Index current = ready(false);
        return !current.muted && Index.anyLive(current.links);
    }

    /** Sends a host event: see {@link HostRoute#fire}. */
    void fireFromHost(Index.Route route, Object sender, T payload) {
        checkPayload(payload);
        if (!Delivery.allow(this, sender, payload)) {
            return;
        }
        Index.Route current = route == null ? ready(true).route(sender) : route;
        if (current.deferred != null) {
            Delivery.deferring(this, current, sender, payload, Delivery.Way.HOST);
        } else if (current.links.length != 0) {
            Delivery.collect(this, current.links, sender, payload, Delivery.Way.HOST);
        }
    }

    private void checkPayload(T payload) {
        // The common case first: a record payload of exactly the declared class, nothing to name.
        if (payload != null && payload.getClass() == payloadType && argumentNames == null) {
            return;
        }
        if (payload == null) {
            if (payloadType != Void.class) {
                throw new NullPointerException("payload of signal '" + name + "' (a "
                        + payloadType.getName() + ") is null");
            }
        } else if (!payloadType.isInstance(payload)) {
            throw new IllegalArgumentException("signal '" + name + "' carries "
                    + payloadType.getName() + ", not " + payload.getClass().getName());
        } else if (argumentNames != null) {
            ((Kwargs) payload).checkAgainst(name, argumentNames);
        }
    }

    /**
     * The current snapshot, once receiver discovery has run. A send from the thread that runs
     * discovery is an error; a query from it gets the snapshot as it is.
     */
    private Index ready(boolean sending) {
        Index current = index;
        if (current.pending) {
            Discovery.awaitBeforeUse(this, sending);
            current = index;
        }
        return current;
    }

    private SignalConnection connect(Link candidate) {
        Discovery.beforeConnect();
        Link existing;
        synchronized (lock) {
            Index current = index;
            existing = current.find(candidate);
            if (existing == null) {
                candidate.attach();
                publish(current.with(candidate));
            }
        }
        if (existing != null) {
            return new AlreadyConnected(existing);
        }
        Discovery.warnIfAdapterMissing(this);
        return candidate;
    }

    /**
     * Connects several links with one new snapshot, for discovery and bindings: linear in the
     * number of links, where connecting them one by one would be quadratic.
     */
    List<SignalConnection> connectAll(List<Link> candidates) {
        List<SignalConnection> connected = new ArrayList<>(candidates.size());
        List<Link> added = new ArrayList<>(candidates.size());
        synchronized (lock) {
            Index current = index;
            Duplicates duplicates = new Duplicates(current.links);
            for (Link candidate : candidates) {
                Link existing = duplicates.claim(candidate);
                if (existing == null) {
                    candidate.attach();
                    added.add(candidate);
                    connected.add(candidate);
                } else {
                    connected.add(new AlreadyConnected(existing));
                }
            }
            if (!added.isEmpty()) {
                publish(current.withAll(added));
            }
        }
        if (!added.isEmpty()) {
            Discovery.warnIfAdapterMissing(this);
        }
        return connected;
    }

    /** Makes a new snapshot the current one; only under the lock. */
    private void publish(Index next) {
        index = next;
        Index.Route route = next.pending || !next.anySenderOnly ? null : next.route(null);
        if (route != null && route.deferred != null) {
            route = null; // the slow path queues the receivers with a phase
        }
        directRoute = route;
        direct = route == null ? null : route.targets;
    }

    /** Drops every cached route, so that no sender class from an undeployed loader stays in one. */
    void forgetCachedRoutes() {
        synchronized (lock) {
            publish(index.rebuilt());
        }
    }

    /** Whether the class that declared this signal, if still loaded, comes from a place. */
    boolean declaredIn(Predicate<Class<?>> place) {
        return declaredBy.isFrom(place) || place.test(payloadType);
    }

    boolean disconnectWhere(Predicate<Link> which) {
        return disconnectCounting(which) > 0;
    }

    /**
     * Removes the live links that match and every dead one; counts only the first, as Django's
     * {@code disconnect} clears dead receivers before it looks for the one asked for.
     */
    int disconnectCounting(Predicate<Link> which) {
        List<Link> matched = new ArrayList<>(1);
        List<Link> swept = new ArrayList<>(0);
        synchronized (lock) {
            publish(index.without(which, matched, swept));
        }
        // Outside the lock: detaching cancels a weak link's sweep, which runs its cleaner action.
        matched.forEach(Link::detach);
        swept.forEach(Link::detach);
        return matched.size();
    }

    /** Called by discovery once every provider has run. */
    void discoveryDone() {
        synchronized (lock) {
            publish(index.discovered());
        }
    }

    /** All connections, live or not yet swept, without waiting for discovery. */
    Link[] links() {
        return index.links;
    }

    /**
     * Builds a {@link Signal} with details beyond name and payload type.
     *
     * @param <T> the payload type
     * @since 0.1
     */
    public static final class Builder<T> {

        private final String name;
        private final Class<? super T> payloadType;
        private List<String> argumentNames;
        private String firedBy;

        private Builder(String name, Class<? super T> payloadType) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(payloadType, "payloadType");
            if (name.isBlank()) {
                throw new IllegalArgumentException("signal name is blank");
            }
            if (payloadType.isPrimitive()) {
                throw new IllegalArgumentException("payload type of signal '" + name
                        + "' is the primitive " + payloadType + "; use its wrapper class or a record");
            }
            this.name = name;
            this.payloadType = payloadType;
        }

        /**
         * Declares the argument names of an {@link Kwargs} payload.
         *
         * @param names the names, none null, blank or repeated
         * @return this builder
         * @throws NullPointerException if a name is null
         * @throws IllegalArgumentException if a name is blank or repeated, or the payload type is
         *     not {@link Kwargs}
         */
        public Builder<T> arguments(String... names) {
            if (payloadType != Kwargs.class) {
                throw new IllegalArgumentException("signal '" + name + "' carries "
                        + payloadType.getName() + "; only an Kwargs payload has argument names");
            }
            this.argumentNames = Kwargs.checkNames(name, names);
            return this;
        }

        /** Marks the signal as built in, fired by an adapter module: see {@link SpiMachinery}. */
        Builder<T> firedBy(String moduleName) {
            this.firedBy = Objects.requireNonNull(moduleName, "adapterModule");
            return this;
        }

        /**
         * Creates the signal.
         *
         * @return a new signal with no receivers
         */
        public Signal<T> build() {
            return new Signal<>(name, payloadType, argumentNames, firedBy);
        }
    }
}
