package signals.jdbc;

import java.sql.SQLException;

/**
 * connection_created against the PostgreSQL server at 127.0.0.1:5432. Each test is skipped when
 * the server is not reachable (checked in {@link #openDatabase}, per test, so that every test is
 * reported as skipped), or fails instead when {@code -Dsignals.postgresql.required=true}.
 */
class PostgresqlConnectionCreatedTests extends ConnectionCreatedContract {

    @Override
    Database openDatabase() throws SQLException {
        return Database.PostgreSql.create();
    }
}
