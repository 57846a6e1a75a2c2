package signals.core;

/**
 * A receiver that belongs to an owner object and is handed that owner on every call, so that the
 * signal never holds the owner strongly: the Java form of Django's weak bound-method receivers.
 *
 * <p>Pass an unbound method reference, which captures nothing:
 *
 * <pre>{@code
 * final class PriceView {
 *     void refresh(Signal<?> signal, Object sender, PriceChanged change) { ... }
 * }
 * PRICE_CHANGED.connectWeak(view, PriceView::refresh);   // dropped once view is collected
 * }</pre>
 *
 * <p>A lambda that captures the owner (for example {@code view::refresh}, a bound reference)
 * would keep it alive through the signal and defeat the purpose; that is why the owner arrives
 * as the first argument instead.
 *
 * @param <O> the owner type
 * @param <T> the payload type it accepts
 * @since 0.1
 */
@FunctionalInterface
public interface WeakReceiver<O, T> {

    /**
     * Handles one send on behalf of a live owner.
     *
     * @param owner the owner the receiver was connected with, never null
     * @param signal the signal that was sent, never null
     * @param sender the sender given to the send, may be null
     * @param payload the payload given to the send; null only for {@code Signal<Void>}
     * @throws Exception whatever the receiver's work throws
     */
    void receive(O owner, Signal<?> signal, Object sender, T payload) throws Exception;
}
