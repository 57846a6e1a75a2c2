package signals.jpa;

/**
 * The model signals against the PostgreSQL server at 127.0.0.1:5432: skipped when it is not
 * reachable, failed instead when {@code -Dsignals.postgresql.required=true}.
 */
class PostgresqlModelSignalsTests extends ModelSignalsContract {

    @Override
    Database openDatabase() {
        return Database.postgresql();
    }
}
