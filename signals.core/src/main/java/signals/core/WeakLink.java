package signals.core;

import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;

/**
 * A {@link WeakReceiver} or {@link WeakResponder} and its weakly held owner. A {@link Cleaner}
 * removes the link once the owner is collected; until it has run, calls find the owner gone
 * and skip it.
 */
final class WeakLink extends Link implements Receiver<Object> {
    private final WeakReference<Object> owner;
    private final WeakReceiver<Object, Object> receiver;  // null for a responder
    private final WeakResponder<Object, Object> responder; // null for a receiver
    private Cleaner.Cleanable ownerSweep;

    @SuppressWarnings("unchecked") // as for ReceiverLink; the owner was given with the receiver's type
    WeakLink(Signal<?> signal, Object owner, WeakReceiver<?, ?> receiver, ConnectOption.Parsed options,
         Origin origin) {
        super(signal, options, origin);
        this.owner = new WeakReference<>(owner);
        this.receiver = (WeakReceiver<Object, Object>) receiver;
        this.responder = null;
    }

    @SuppressWarnings("unchecked") // as for ReceiverLink
    WeakLink(Signal<?> signal, Object owner, WeakResponder<?, ?> responder, ConnectOption.Parsed options,
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
        return receiver != null ? this : null; // a responder may answer with a stage: see ResponderLink
    }

    @Override
    public void receive(Signal<?> signal, Object sender, Object payload) throws Exception {
        Object o = owner.get();
        if (o != null) {
            receiver.receive(o, signal, sender, payload);
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
