package signals.core;

import java.util.Objects;

/**
 * One receiver's answer to a send: Django's {@code (receiver, response)} pair.
 *
 * <p>{@link Signal#send} returns one reply per receiver it called, in the order it called them.
 * A {@link Receiver} replies with null; a {@link Responder} with what it returned. After
 * {@link Signal#sendRobust} a reply may instead carry the exception its receiver threw.
 *
 * @since 0.1
 */
public final class Reply {

    private final Object receiver;
    private final Object value;
    private final Exception exception;

    Reply(Object receiver, Object value, Exception exception) {
        this.receiver = receiver;
        this.value = value;
        this.exception = exception;
    }

    /**
     * Returns the receiver that replied: the {@link Receiver}, {@link Responder},
     * {@link WeakReceiver} or {@link WeakResponder} that was connected.
     *
     * @return the receiver, never null
     */
    public Object receiver() {
        return receiver;
    }

    /**
     * Returns what the receiver answered.
     *
     * @return the answer, null for a {@link Receiver} and for a failed receiver
     */
    public Object value() {
        return value;
    }

    /**
     * Returns the exception the receiver threw during a robust send.
     *
     * @return the exception, or null when the receiver returned normally
     */
    public Exception exception() {
        return exception;
    }

    /**
     * Tells whether the receiver threw.
     *
     * @return true when {@link #exception()} is not null
     */
    public boolean failed() {
        return exception != null;
    }

    /**
     * Tells whether another reply comes from the same receiver (the same object) with an equal
     * value and the same exception, as Django's {@code (receiver, response)} tuples compare.
     *
     * @param other the object to compare with
     * @return true if it is an equal reply
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Reply)) {
            return false;
        }
        Reply that = (Reply) other;
        return receiver == that.receiver && Objects.equals(value, that.value) && exception == that.exception;
    }

    /**
     * Returns a hash code consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return (31 * System.identityHashCode(receiver) + Objects.hashCode(value)) * 31
                + System.identityHashCode(exception);
    }

    @Override
    public String toString() {
        return "Reply[" + Descriptions.receiver(receiver) + " -> "
                + (failed() ? "threw " + exception : String.valueOf(value)) + "]";
    }
}
