package signals.core;

import java.lang.ref.Cleaner;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One connection: a receiver, the sender it listens to and how it is called. Each kind of
 * receiver gets its own subclass so that the hot loop in {@link Delivery#call} calls either the
 * user's own {@link Receiver} or one small adapter, never a chain.
 */
abstract class Link implements SignalConnection {

    /** What {@link #reply} returns when a weak owner is gone: no reply at all. */
    static final Object GONE = new Object();

    private static final AtomicLong SEQUENCE = new AtomicLong();

    final Signal<?> signal;
    /** The sender it listens to as {@link Senders#hold} keeps it; null for every sender. */
    final Object heldSender;
    /** True when the sender is a class that also stands for its subclasses. */
    final boolean subclasses;
    final String uid;
    /** The name given with {@link ConnectOption#name}, or null. */
    final String name;
    final Origin origin;
    /** The transaction phase it waits for, or null to be called during the send. */
    final TransactionPhase phase;
    /** With a phase: skipped, rather than called at once, for a send outside any transaction. */
    final boolean onlyInTransaction;
    long sequence;
    private volatile boolean connected;
    private Cleaner.Cleanable senderSweep;

    Link(Signal<?> signal, ConnectOption.Parsed options, Origin origin) {
        this.signal = signal;
        this.heldSender = Senders.hold(options.sender);
        this.subclasses = options.subclasses;
        this.uid = options.uid;
        this.name = options.name;
        this.phase = options.phase;
        this.onlyInTransaction = options.onlyInTransaction;
        this.origin = origin;
    }

    static Link receiver(Signal<?> signal, Receiver<?> receiver, ConnectOption.Parsed options, Origin origin) {
        return new ReceiverLink(signal, receiver, options, origin);
    }

    static Link responder(Signal<?> signal, Responder<?> responder, ConnectOption.Parsed options, Origin origin) {
        return new ResponderLink(signal, responder, options, origin);
    }

    static Link weak(Signal<?> signal, Object owner, WeakReceiver<?, ?> receiver, ConnectOption.Parsed options,
                     Origin origin) {
        return new WeakLink(signal, owner, receiver, options, origin);
    }

    static Link weakResponder(Signal<?> signal, Object owner, WeakResponder<?, ?> responder,
                              ConnectOption.Parsed options, Origin origin) {
        return new WeakLink(signal, owner, responder, options, origin);
    }

    /**
     * The target {@link Delivery#call} calls; for plain receivers, the user's receiver itself;
     * null for a responder, which may answer with a stage that the send must wait for.
     */
    abstract Receiver<Object> target();

    /** Calls the receiver for a send that wants replies; {@link #GONE} if it no longer lives. */
    abstract Object reply(Signal<?> signal, Object sender, Object payload) throws Exception;

    /** The sender it listens to; null for every sender, and once a weakly held sender is collected. */
    Object listensTo() {
        return Senders.get(heldSender);
    }

    /** The weak owner if any; null for strong links and for collected owners. */
    Object owner() {
        return null;
    }

    /** False once its weakly held sender (or, for a weak link, its owner) has been collected. */
    boolean isLive() {
        return Senders.alive(heldSender);
    }

    boolean matches(Object receiver, Object owner, ConnectOption.Parsed options) {
        if (!Objects.equals(listensTo(), options.sender) || subclasses != options.subclasses || !isLive()) {
            return false;
        }
        if (options.uid != null || uid != null) {
            return Objects.equals(uid, options.uid);
        }
        return receiver() == receiver && owner() == owner;
    }

    /**
     * Whether any class this link holds on to (receiver, owner, sender) or the class that
     * connected it comes from a place. The connector matters for wrappers: an adapter's lambda
     * around a web application's object has the adapter's class, not the application's.
     */
    boolean holdsClassFrom(Predicate<Class<?>> place) {
        if (place.test(receiver().getClass()) || origin.isFrom(place)) {
            return true;
        }
        Object owner = owner();
        if (owner != null && place.test(owner.getClass())) {
            return true;
        }
        Object sender = listensTo();
        return sender != null && place.test(sender instanceof Class ? (Class<?>) sender : sender.getClass());
    }

    void attach() {
        sequence = SEQUENCE.incrementAndGet();
        connected = true;
        Object sender = listensTo();
        if (heldSender instanceof Senders.Weak && sender != null) {
            senderSweep = Sweeper.sweepWhenCollected(sender, this);
        }
    }

    void detach() {
        connected = false;
        Sweeper.cancel(senderSweep);
    }

    @Override
    public Signal<?> signal() {
        return signal;
    }

    @Override
    public Optional<Object> sender() {
        return Optional.ofNullable(listensTo());
    }

    @Override
    public Optional<String> dispatchUid() {
        return Optional.ofNullable(uid);
    }

    @Override
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    @Override
    public Optional<TransactionPhase> phase() {
        return Optional.ofNullable(phase);
    }

    @Override
    public String origin() {
        return origin.toString();
    }

    @Override
    public boolean isConnected() {
        return connected && isLive();
    }

    @Override
    public boolean disconnect() {
        return signal.disconnectWhere(link -> link == this);
    }

    @Override
    public String toString() {
        Object sender = listensTo();
        return "SignalConnection[" + signal.name() + " -> " + Descriptions.receiver(this)
                + (sender == null ? "" : (subclasses ? ", senderOrSubclassOf=" : ", sender=") + sender)
                + (uid == null ? "" : ", dispatchUid=" + uid)
                + (phase == null ? "" : ", phase=" + phase + (onlyInTransaction ? " only in a transaction" : ""))
                + "]";
    }
}
