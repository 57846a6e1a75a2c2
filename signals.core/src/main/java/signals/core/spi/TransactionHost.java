package signals.core.spi;

/**
 * Tells {@code signals.core} which transaction the current thread is in, so that receivers
 * connected to a {@link signals.core.TransactionPhase} run when it ends. An adapter whose host
 * runs transactions (Hibernate ORM, a JDBC connection, a JTA transaction manager) returns one
 * from {@link SignalAdapter#transactionHost()}.
 *
 * <pre>{@code
 * public final class HibernateAdapter implements SignalAdapter {
 *     ...
 *     public TransactionHost transactionHost() {
 *         return () -> {
 *             Session session = SESSION_OF_THIS_THREAD.get();
 *             return session == null || !session.getTransaction().isActive() ? null : new SessionTransaction(session);
 *         };
 *     }
 * }
 * }</pre>
 *
 * <h2>Rules for implementers</h2>
 * {@link #current()} is called on each send of a signal that has a receiver connected to a
 * phase, in the sending thread: it must be cheap and must not send signals. When several hosts
 * answer for one thread, the first adapter found wins; hosts should therefore answer only for the
 * transactions they run themselves. The host calls each queued {@link TransactionWork} once,
 * in the order queued, work queued while earlier work runs included.
 *
 * @since 0.9
 */
@FunctionalInterface
public interface TransactionHost {

    /**
     * The transaction the current thread is in, if this host runs it.
     *
     * @return the transaction, or null when the thread is in none of this host's transactions
     *     (or in one that is no longer active)
     */
    HostTransaction current();
}
