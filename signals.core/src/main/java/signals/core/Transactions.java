package signals.core;

import java.util.Objects;
import java.util.Optional;
import signals.core.spi.HostTransaction;
import signals.core.spi.TransactionHost;
import signals.core.spi.TransactionWork;

/**
 * The transaction of the current thread, as the adapters' {@link TransactionHost}s see it: what
 * receivers connected with {@link ConnectOption#phase} wait for. {@code signals.jpa} makes every
 * Hibernate ORM transaction one (Spring's {@code @Transactional} over Hibernate included).
 *
 * <pre>{@code
 * // Django's transaction.on_commit(lambda: send_welcome(user)):
 * Transactions.onCommit(() -> mailer.sendWelcome(customer));
 * }</pre>
 *
 * @since 0.9
 */
public final class Transactions {

    /** Set while receivers run after a transaction ended, for {@link #outcome()}. */
    static final ThreadLocal<TransactionOutcome> OUTCOME = new ThreadLocal<>();

    private Transactions() {
    }

    /**
     * Tells whether the current thread is inside a transaction that a host runs: whether a send
     * made now would queue its receivers with a phase rather than call them at once.
     *
     * @return true inside such a transaction
     */
    public static boolean isActive() {
        Discovery.ensureDone();
        return hostTransaction() != null;
    }

    /**
     * A resource of the current thread's transaction, for a receiver that must write in the same
     * transaction as the send it hears: {@code Transactions.resource(java.sql.Connection.class)}
     * gives the JDBC connection a Hibernate transaction runs on. The resource belongs to the
     * transaction: do not close it, commit it or keep it.
     *
     * @param type the resource's type, not null
     * @param <R> the type
     * @return the resource, or empty outside a transaction or when its host has none of that type
     * @throws NullPointerException if the type is null
     */
    public static <R> Optional<R> resource(Class<R> type) {
        Objects.requireNonNull(type, "type");
        Discovery.ensureDone();
        HostTransaction transaction = hostTransaction();
        return transaction == null ? Optional.empty() : transaction.resource(type);
    }

    /**
     * How the transaction ended, while a receiver connected to {@link TransactionPhase#AFTER_COMMIT},
     * {@link TransactionPhase#AFTER_ROLLBACK} or {@link TransactionPhase#AFTER_COMPLETION} runs:
     * the one way an after-completion receiver learns it.
     *
     * <pre>{@code
     * ORDER_PLACED.connect((signal, sender, order) -> {
     *     if (Transactions.outcome().orElseThrow() == TransactionOutcome.ROLLED_BACK) {
     *         uploads.delete(order.attachment());
     *     }
     * }, phase(AFTER_COMPLETION));
     * }</pre>
     *
     * @return the outcome; empty anywhere else (during a send, in a before-commit receiver)
     */
    public static Optional<TransactionOutcome> outcome() {
        return Optional.ofNullable(OUTCOME.get());
    }

    /**
     * Runs an action once the current thread's transaction commits, and never if it rolls back:
     * Django's {@code transaction.on_commit}. Outside a transaction the action runs at once, as
     * in Django. An exception from the action is thrown here when it runs at once; after a commit
     * it is logged, and the actions queued after it still run, as with Django's
     * {@code on_commit(..., robust=True)} (without {@code robust}, Django lets the first exception
     * out of the commit and skips the rest).
     *
     * @param action the action, not null
     * @throws NullPointerException if the action is null
     */
    public static void onCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        Discovery.ensureDone();
        HostTransaction transaction = hostTransaction();
        if (transaction == null) {
            action.run();
            return;
        }
        transaction.defer(new OnCommit(action));
    }

    /** The thread's transaction, asked of each host in the order the adapters were found. */
    static HostTransaction hostTransaction() {
        for (TransactionHost host : Catalogue.transactionHosts()) {
            HostTransaction transaction = host.current();
            if (transaction != null) {
                return transaction;
            }
        }
        return null;
    }

    /** An action for {@link #onCommit}. */
    private static final class OnCommit implements TransactionWork {
        private final Runnable action;

        OnCommit(Runnable action) {
            this.action = action;
        }

        @Override
        public void beforeCommit() {
        }

        @Override
        public void afterCompletion(boolean committed) {
            if (!committed) {
                return;
            }
            OUTCOME.set(TransactionOutcome.COMMITTED);
            try {
                action.run();
            } catch (RuntimeException e) {
                Log.CORE.log(System.Logger.Level.ERROR, () -> "Error running " + action
                        + " after commit (" + e + "); the commit stands and the other actions ran", e);
            } finally {
                OUTCOME.remove();
            }
        }

        @Override
        public String toString() {
            return "onCommit(" + action + ")";
        }
    }
}
