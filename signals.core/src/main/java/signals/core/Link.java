package signals.core;

import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One connection: a receiver, the sender it listens to and how it is called. Each kind of
 * receiver gets its own subclass so that the hot loop in {@link Signal#fire} calls either the
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
    long sequence;
    private volatile boolean connected;
    private Cleaner.Cleanable senderSweep;

    Link(Signal<?> signal, ConnectOption.Parsed options, Origin origin) {
        this.signal = signal;
        this.heldSender = Senders.hold(options.sender);
        this.subclasses = options.subclasses;
        this.uid = options.uid;
        this.name = options.name;
        this.origin = origin;
    }

    static Link receiver(Signal<?> signal, Receiver<?> receiver, ConnectOption.Parsed options, Origin origin) {
        return new Plain(signal, receiver, options, origin);
    }

    static Link responder(Signal<?> signal, Responder<?> responder, ConnectOption.Parsed options, Origin origin) {
        return new Answering(signal, responder, options, origin);
    }

    static Link weak(Signal<?> signal, Object owner, WeakReceiver<?, ?> receiver, ConnectOption.Parsed options,
                     Origin origin) {
        return new Weak(signal, owner, receiver, options, origin);
    }

    static Link weakResponder(Signal<?> signal, Object owner, WeakResponder<?, ?> responder,
                              ConnectOption.Parsed options, Origin origin) {
        return new Weak(signal, owner, responder, options, origin);
    }

    /** The target {@link Signal#fire} calls; for plain receivers, the user's receiver itself. */
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

    /**
     * The lookup key as a value, for de-duplicating many links at once. It holds the receiver and
     * a weak owner strongly, so it is only ever kept for the length of one connect.
     */
    Key key() {
        Object who = uid != null ? uid : new Identity(receiver(), owner(), this instanceof Weak);
        return new Key(who, listensTo(), subclasses);
    }

    /** See {@link #key()}. */
    record Key(Object who, Object sender, boolean subclasses) {
    }

    /** A receiver (with its weak owner) compared by identity, as Django compares receiver ids. */
    private static final class Identity {
        private final Object receiver;
        private final Object owner;
        private final boolean weak;

        Identity(Object receiver, Object owner, boolean weak) {
            this.receiver = receiver;
            this.owner = owner;
            this.weak = weak;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity && ((Identity) other).receiver == receiver
                    && ((Identity) other).owner == owner && ((Identity) other).weak == weak;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(receiver) * 31 + System.identityHashCode(owner);
        }
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
                + (uid == null ? "" : ", dispatchUid=" + uid) + "]";
    }

    /** A {@link Receiver}, called directly by the hot loop. */
    private static final class Plain extends Link {
        private final Receiver<Object> receiver;

        @SuppressWarnings("unchecked") // the payload is checked against the signal's type before any call
        Plain(Signal<?> signal, Receiver<?> receiver, ConnectOption.Parsed options, Origin origin) {
            super(signal, options, origin);
            this.receiver = (Receiver<Object>) receiver;
        }

        @Override
        public Object receiver() {
            return receiver;
        }

        @Override
        Receiver<Object> target() {
            return receiver;
        }

        @Override
        Object reply(Signal<?> signal, Object sender, Object payload) throws Exception {
            receiver.receive(signal, sender, payload);
            return null;
        }
    }

    /** A {@link Responder}; {@link Signal#fire} drops its answer. */
    private static final class Answering extends Link implements Receiver<Object> {
        private final Responder<Object> responder;

        @SuppressWarnings("unchecked") // as for Plain
        Answering(Signal<?> signal, Responder<?> responder, ConnectOption.Parsed options, Origin origin) {
            super(signal, options, origin);
            this.responder = (Responder<Object>) responder;
        }

        @Override
        public Object receiver() {
            return responder;
        }

        @Override
        Receiver<Object> target() {
            return this;
        }

        @Override
        public void receive(Signal<?> signal, Object sender, Object payload) throws Exception {
            Stages.await(responder.respond(signal, sender, payload));
        }

        @Override
        Object reply(Signal<?> signal, Object sender, Object payload) throws Exception {
            return responder.respond(signal, sender, payload);
        }
    }

    /**
     * A {@link WeakReceiver} or {@link WeakResponder} and its weakly held owner. A {@link Cleaner}
     * removes the link once the owner is collected; until it has run, calls find the owner gone
     * and skip it.
     */
    private static final class Weak extends Link implements Receiver<Object> {
        private final WeakReference<Object> owner;
        private final WeakReceiver<Object, Object> receiver;  // null for a responder
        private final WeakResponder<Object, Object> responder; // null for a receiver
        private Cleaner.Cleanable ownerSweep;

        @SuppressWarnings("unchecked") // as for Plain; the owner was given with the receiver's type
        Weak(Signal<?> signal, Object owner, WeakReceiver<?, ?> receiver, ConnectOption.Parsed options,
             Origin origin) {
            super(signal, options, origin);
            this.owner = new WeakReference<>(owner);
            this.receiver = (WeakReceiver<Object, Object>) receiver;
            this.responder = null;
        }

        @SuppressWarnings("unchecked") // as for Plain
        Weak(Signal<?> signal, Object owner, WeakResponder<?, ?> responder, ConnectOption.Parsed options,
             Origin origin) {
            super(signal, options, origin);
            this.owner = new WeakReference<>(owner);
            this.receiver = null;
            this.responder = (WeakResponder<Object, Object>) responder;
        }

        @Override
        public Object receiver() {
            return receiver != null ? receiver : responder;
        }

        @Override
        Object owner() {
            return owner.get();
        }

        @Override
        boolean isLive() {
            return !owner.refersTo(null) && super.isLive();
        }

        @Override
        Receiver<Object> target() {
            return this;
        }

        @Override
        public void receive(Signal<?> signal, Object sender, Object payload) throws Exception {
            Object o = owner.get();
            if (o != null) {
                Stages.await(call(o, signal, sender, payload));
            }
        }

        @Override
        Object reply(Signal<?> signal, Object sender, Object payload) throws Exception {
            Object o = owner.get();
            return o == null ? GONE : call(o, signal, sender, payload);
        }

        private Object call(Object o, Signal<?> signal, Object sender, Object payload) throws Exception {
            if (receiver != null) {
                receiver.receive(o, signal, sender, payload);
                return null;
            }
            return responder.respond(o, signal, sender, payload);
        }

        @Override
        void attach() {
            super.attach();
            Object o = owner.get();
            if (o != null) {
                ownerSweep = Sweeper.sweepWhenCollected(o, this);
            }
            // An owner already gone is not live: sends skip the link, and the next snapshot built
            // for any change drops it (see Index#without).
        }

        @Override
        void detach() {
            super.detach();
            Sweeper.cancel(ownerSweep);
        }
    }

    /**
     * What a second {@code connect} of an already connected receiver returns: the existing
     * connection, seen but not owned. Closing it must not disconnect the first caller's
     * receiver, which Django's no-op duplicate connect would never do either.
     */
    static final class Shared implements SignalConnection {
        private final Link link;

        Shared(Link link) {
            this.link = link;
        }

        @Override
        public Signal<?> signal() {
            return link.signal();
        }

        @Override
        public Object receiver() {
            return link.receiver();
        }

        @Override
        public Optional<Object> sender() {
            return link.sender();
        }

        @Override
        public Optional<String> dispatchUid() {
            return link.dispatchUid();
        }

        @Override
        public Optional<String> name() {
            return link.name();
        }

        @Override
        public String origin() {
            return link.origin();
        }

        @Override
        public boolean isConnected() {
            return link.isConnected();
        }

        /** Leaves the connection alone: it belongs to whoever connected it first. */
        @Override
        public boolean disconnect() {
            return false;
        }

        @Override
        public String toString() {
            return link + " (already connected)";
        }
    }
}
