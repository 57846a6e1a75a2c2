package signals.core;

/**
 * Signals that the library could not be set up as declared: a {@link ReceiverProvider} or
 * {@link signals.core.spi.SignalAdapter} that cannot be created or that throws. The message
 * names the provider class and its module.
 *
 * @since 0.1
 */
public class SignalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message and the cause.
     *
     * @param message what went wrong and where, not null
     * @param cause what was thrown, may be null
     */
    public SignalException(String message, Throwable cause) {
        super(message, cause);
    }
}
