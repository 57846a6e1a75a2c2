package signals.core.spi;

import java.util.Optional;

/**
 * One transaction of a {@link TransactionHost}, as {@code signals.core} sees it: a queue of work
 * to run when it ends, and the resources a receiver may need to write in it.
 *
 * @since 0.9
 */
public interface HostTransaction {

    /**
     * Queues work for the end of this transaction: the host calls
     * {@link TransactionWork#beforeCommit()} before it commits (and rolls back if it throws), and
     * {@link TransactionWork#afterCompletion(boolean)} once it has ended, either way. Work queued
     * earlier runs earlier, in each phase.
     *
     * @param work the work, not null
     */
    void defer(TransactionWork work);

    /**
     * A resource of this transaction, for a receiver that must write in it rather than beside it:
     * {@code java.sql.Connection.class} gives the JDBC connection the transaction runs on, to a
     * relay that writes an outbox row in the sending transaction. The resource belongs to the
     * host: do not close it, commit it or keep it past the transaction.
     *
     * @param type the resource's type, not null
     * @param <R> the type
     * @return the resource, or empty when this host has none of that type
     */
    default <R> Optional<R> resource(Class<R> type) {
        return Optional.empty();
    }
}
