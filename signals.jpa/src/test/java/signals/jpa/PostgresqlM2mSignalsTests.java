package signals.jpa;

/**
 * m2m_changed against the PostgreSQL server at 127.0.0.1:5432: skipped when it is not
 * reachable, failed instead when {@code -Dsignals.postgresql.required=true}.
 */
class PostgresqlM2mSignalsTests extends M2mSignalsContract {

    @Override
    Database openDatabase() {
        return Database.postgresql();
    }
}
