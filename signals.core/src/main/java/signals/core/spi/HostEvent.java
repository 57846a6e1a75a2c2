package signals.core.spi;

import signals.core.ReceiverException;
import signals.core.Signal;

/**
 * One event of an adapter's host (a flush, a request, a new connection) on its way to a built-in
 * signal: the receivers of its sender are looked up once, when {@link SignalAdapter#event} makes
 * it; {@link #isHeard()} then says, cheaply, whether anyone would see a send, so that the host can
 * skip building a payload nobody reads; {@link #fire} sends it to those receivers. The one way an
 * adapter sends.
 *
 * <pre>{@code
 * HostEvent<PostSave<?>> postSave = SignalAdapter.event(POST_SAVE, entity.getClass());
 * if (postSave.isHeard()) {
 *     postSave.fire(new PostSave<>(entity, created, fields, raw, using));
 * }
 * }</pre>
 *
 * <h2>Failures</h2>
 * Every exception of a receiver, checked or not, reaches the host wrapped in a
 * {@link ReceiverException} whose message names the receiver and the signal, and whose cause is
 * what the receiver threw: the host turns it into its own error (an {@code SQLException}, a
 * failed flush that rolls the transaction back), which then says who failed. {@link Error}s pass
 * unchanged. Responders' stages are waited for as by {@link Signal#send}.
 *
 * <h2>Rules</h2>
 * Use an event for one host event, right away: receivers connected after it was made are not in
 * it. Implemented by {@code signals.core} only.
 *
 * @param <T> the signal's payload type
 * @since 0.1
 */
public interface HostEvent<T> {

    /**
     * Tells whether a send of this event could reach anyone: a live receiver for its sender on a
     * signal that is not muted, or an installed {@link SendObserver} (a test's recorder, say).
     *
     * @return false only when {@link #fire} would call no receiver and no observer
     */
    boolean isHeard();

    /**
     * Sends the event to the receivers found for its sender, after the installed observers, as
     * {@link Signal#fire} does; see "Failures" above.
     *
     * @param payload the payload; null only for {@code Void}
     * @throws ReceiverException if a receiver threw; its cause is what the receiver threw
     * @throws NullPointerException if the payload is null on a signal that has one
     * @throws IllegalArgumentException if the payload does not fit the signal
     * @throws IllegalStateException if the event was made while receivers were being discovered
     *     in this thread, from a {@link signals.core.ReceiverProvider}
     */
    void fire(T payload);
}
