package signals.jdbc;

import java.sql.SQLException;

/** connection_created against an embedded H2 database: always runs. */
class H2ConnectionCreatedTests extends ConnectionCreatedContract {

    @Override
    Database openDatabase() throws SQLException {
        return Database.H2.create();
    }
}
