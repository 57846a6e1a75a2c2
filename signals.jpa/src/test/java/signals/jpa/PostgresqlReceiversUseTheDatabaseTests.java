package signals.jpa;

/**
 * Receivers that use the database, against the PostgreSQL server: skipped when unreachable,
 * failed instead when {@code -Dsignals.postgresql.required=true}.
 */
class PostgresqlReceiversUseTheDatabaseTests extends ReceiversUseTheDatabaseContract {

    @Override
    Database openDatabase() {
        return Database.postgresql();
    }
}
