package signals.jpa;

/** Receivers with a transaction phase, against the PostgreSQL server: skipped when unreachable, failed instead when {@code -Dsignals.postgresql.required=true}. */
class PostgresqlTransactionPhaseTests extends TransactionPhaseContract {

    @Override
    Database openDatabase() {
        return Database.postgresql();
    }
}
