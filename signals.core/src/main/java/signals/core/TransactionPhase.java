package signals.core;

/**
 * When, in the transaction a send happened in, a receiver connected with
 * {@link ConnectOption#phase} is called. Such a receiver is not called during the send: the call
 * is queued on the sending thread's transaction and made at this phase, in send order, once per
 * send, with the send's sender and payload.
 *
 * <pre>{@code
 * import static signals.core.ConnectOption.phase;
 * import static signals.core.TransactionPhase.AFTER_COMMIT;
 *
 * ModelSignals.POST_SAVE.connect(mailer::welcome, phase(AFTER_COMMIT), ConnectOption.sender(Customer.class));
 * }</pre>
 *
 * <p>A transaction is one that a {@linkplain signals.core.spi.TransactionHost transaction host}
 * runs on the sending thread: {@code signals.jpa} makes every Hibernate ORM transaction one,
 * including Spring's {@code @Transactional} over Hibernate. A send made outside any transaction
 * counts as committed at once, as Django's {@code transaction.on_commit} and Jakarta CDI's
 * transactional observers do: {@code BEFORE_COMMIT}, {@code AFTER_COMMIT} and
 * {@code AFTER_COMPLETION} receivers are called during the send, after the other receivers, and
 * {@code AFTER_ROLLBACK} receivers are not called. {@link ConnectOption#onlyInTransaction()}
 * skips them instead, as Spring's {@code @TransactionalEventListener} does by default.
 *
 * <p>Failures follow what can still be undone. A {@code BEFORE_COMMIT} receiver that throws
 * rolls the transaction back, and its exception reaches the code that commits. A receiver of a
 * later phase that throws cannot undo anything: its exception is logged as
 * {@link Signal#sendRobust} logs one, and the other receivers are called all the same.
 *
 * @since 0.9
 */
public enum TransactionPhase {

    /**
     * Before the transaction commits, after its last changes were written (for Hibernate, after
     * the flush at commit). A receiver here may still write in the transaction, and an exception
     * rolls it back. Not called when the transaction rolls back without trying to commit.
     */
    BEFORE_COMMIT,

    /**
     * After the transaction committed: what the send reported is in the database, visible to
     * other transactions. The place for e-mails, jobs on a queue and caches of other processes.
     */
    AFTER_COMMIT,

    /** After the transaction rolled back, or failed to commit: what the send reported is gone. */
    AFTER_ROLLBACK,

    /**
     * After the transaction ended either way; {@link Transactions#outcome()} tells which.
     */
    AFTER_COMPLETION;

    /** The phase's name in lower case with spaces, as the inventory shows it: {@code after commit}. */
    String text() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
