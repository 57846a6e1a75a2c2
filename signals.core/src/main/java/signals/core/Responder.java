package signals.core;

/**
 * A receiver that answers: its return value becomes its {@link Reply}.
 *
 * <p>Django's receivers return a value that {@code send} hands back to the sender; in Java a
 * receiver that returns nothing is the common case, so answering is this separate interface,
 * connected with {@link Signal#connectResponder}.
 *
 * <p>A responder may answer with a {@link java.util.concurrent.CompletionStage}: the asynchronous
 * sends ({@link Signal#sendAsync}) await it without blocking a thread and reply with its result,
 * as Django's {@code asend} awaits {@code async def} receivers. The blocking sends wait for it in
 * the sending thread, as Django's {@code send} drives such receivers to completion, and raise its
 * failure as if the responder had thrown it.
 *
 * <pre>{@code
 * Signal<Order> orderPlaced = Signal.of("order_placed", Order.class);
 * orderPlaced.connectResponder((signal, sender, order) -> stock.reserve(order));
 * for (Reply reply : orderPlaced.send(shop, order)) { ... reply.value() ... }
 * }</pre>
 *
 * @param <T> the payload type it accepts
 * @since 0.1
 */
@FunctionalInterface
public interface Responder<T> {

    /**
     * Handles one send and answers it.
     *
     * @param signal the signal that was sent, never null
     * @param sender the sender given to the send, may be null
     * @param payload the payload given to the send; null only for {@code Signal<Void>}
     * @return the answer, which may be null
     * @throws Exception whatever the responder's work throws
     */
    Object respond(Signal<?> signal, Object sender, T payload) throws Exception;
}
