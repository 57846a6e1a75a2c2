package signals.core;

/**
 * A {@link WeakReceiver} that answers: the weak form of a {@link Responder}. The signal holds the
 * owner weakly and hands it over on every call; the return value becomes the reply, as Django's
 * weakly connected bound method returns its value to {@code send()}.
 *
 * <pre>{@code
 * final class StockView {
 *     Object reserve(Signal<?> signal, Object sender, Order order) { return stock.reserve(order); }
 * }
 * ORDER_PLACED.connectWeakResponder(view, StockView::reserve);   // dropped once view is collected
 * }</pre>
 *
 * <p>An answer that is a {@link java.util.concurrent.CompletionStage} is awaited, as a
 * {@link Responder}'s is: without blocking by the asynchronous sends, in the sending thread by the
 * blocking ones.
 *
 * @param <O> the owner type
 * @param <T> the payload type it accepts
 * @since 0.1
 */
@FunctionalInterface
public interface WeakResponder<O, T> {

    /**
     * Handles one send on behalf of a live owner and answers it.
     *
     * @param owner the owner the responder was connected with, never null
     * @param signal the signal that was sent, never null
     * @param sender the sender given to the send, may be null
     * @param payload the payload given to the send; null only for {@code Signal<Void>}
     * @return the answer, which may be null
     * @throws Exception whatever the responder's work throws
     */
    Object respond(O owner, Signal<?> signal, Object sender, T payload) throws Exception;
}
