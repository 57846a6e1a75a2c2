package signals.test;

import java.util.Objects;
import signals.core.Signal;

/**
 * One send a {@link SignalRecorder} heard.
 *
 * @param signal the signal sent, never null
 * @param sender the sender, possibly null
 * @param payload the payload, possibly null (for a {@code Void} signal)
 * @param muted true if no receiver was called because the signal was muted (in the sending
 *     thread, or everywhere)
 * @param thread the name of the thread that sent it, never null
 * @since 0.1
 */
public record SentSignal(Signal<?> signal, Object sender, Object payload, boolean muted, String thread) {

    /**
     * Checks the arguments.
     *
     * @param signal the signal sent, not null
     * @param sender the sender, possibly null
     * @param payload the payload, possibly null
     * @param muted true if the send reached no receiver because it was muted
     * @param thread the sending thread's name, not null
     * @throws NullPointerException if the signal or the thread is null
     */
    public SentSignal {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(thread, "thread");
    }

    /**
     * Describes the send in one line, as failure messages show it.
     *
     * @return for example {@code post_save from Order with PostSave[created=true] (muted)}
     */
    @Override
    public String toString() {
        return signal.name() + " from " + sender + " with " + payload + (muted ? " (muted)" : "");
    }
}
