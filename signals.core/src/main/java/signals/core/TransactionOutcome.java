package signals.core;

/**
 * How a transaction ended, for a receiver connected to {@link TransactionPhase#AFTER_COMPLETION}:
 * see {@link Transactions#outcome()}.
 *
 * @since 0.9
 */
public enum TransactionOutcome {

    /** The transaction committed. */
    COMMITTED,

    /** The transaction rolled back, or failed to commit, or its host could not tell (JTA's unknown status). */
    ROLLED_BACK
}
