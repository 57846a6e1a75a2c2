package signals.core;

/**
 * Carries a checked exception that a receiver threw out of a blocking send.
 *
 * <p>Unchecked exceptions reach the sender unchanged, as in Django; a checked one cannot, so it
 * arrives as the {@linkplain #getCause() cause} of this exception, whose message names the
 * signal and the receiver. Adapters send with
 * a {@link signals.core.spi.HostEvent}, which wraps unchecked exceptions too, so
 * that the host's error names the receiver either way.
 *
 * @since 0.1
 */
public final class ReceiverException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Signal<?> signal;

    ReceiverException(Signal<?> signal, Object receiver, Exception cause) {
        super("receiver " + Descriptions.receiver(receiver) + " of signal '" + signal.name()
                + "' threw " + cause, cause);
        this.signal = signal;
        Delivery.keepInterrupt(cause);
    }

    /**
     * Returns the signal whose receiver threw.
     *
     * @return the signal, or null after deserialization
     */
    public Signal<?> signal() {
        return signal;
    }
}
