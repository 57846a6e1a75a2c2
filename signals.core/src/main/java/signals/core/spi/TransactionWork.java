package signals.core.spi;

/**
 * What {@code signals.core} queues on a {@link HostTransaction}: the calls of one send's
 * receivers that are connected to a transaction phase. {@code signals.core} implements it; a host
 * calls it.
 *
 * @since 0.9
 */
public interface TransactionWork {

    /**
     * Calls the send's {@code BEFORE_COMMIT} receivers. The host calls it before committing, while
     * the transaction can still take writes; when it throws, the host rolls the transaction back
     * and lets the exception reach the code that commits, as it does for its own failures.
     */
    void beforeCommit();

    /**
     * Calls the send's receivers for the way the transaction ended. Never throws: a receiver's
     * exception is logged.
     *
     * @param committed true if the transaction committed, false if it rolled back or its outcome
     *     is unknown
     */
    void afterCompletion(boolean committed);
}
