package signals.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real database for one test, with a way to count the server's sessions of that test alone.
 * A keeper connection stays open for the test's lifetime: it counts sessions, and keeps an H2
 * in-memory database alive.
 */
abstract class Database implements AutoCloseable {

    static final String PASSWORD = "s3cret-for-tests";

    final String name = "signals-" + UUID.randomUUID();
    private Connection keeper;

    /** Opens the keeper; factories call it once the subclass is constructed. */
    final <D extends Database> D start(Class<D> type) throws SQLException {
        keeper = openKeeper();
        return type.cast(this);
    }

    abstract Connection openKeeper() throws SQLException;

    /** The database's own URL, without credentials. */
    abstract String url();

    /** The same URL with the password written into it. */
    abstract String urlWithPassword();

    abstract String user();

    /** The vendor's own DataSource for {@link #url()}, with credentials. */
    abstract DataSource vendorDataSource();

    abstract String setTimeZone(String zone);

    abstract String timeZoneQuery();

    /** How many sessions the server has open for this test's URL, not counting the keeper. */
    abstract int sessions() throws SQLException;

    String prefixedUrl() {
        return SignalsDriver.PREFIX + url().substring("jdbc:".length());
    }

    Properties credentials() {
        Properties info = new Properties();
        info.setProperty("user", user());
        info.setProperty("password", PASSWORD);
        return info;
    }

    Connection keeper() {
        return keeper;
    }

    /** Waits until the server reports this many sessions: PostgreSQL ends a backend after the client has left. */
    void awaitSessions(int expected) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int now = sessions();
        while (now != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = sessions();
        }
        assertEquals(expected, now, "server sessions of " + url());
    }

    String timeZoneOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(timeZoneQuery())) {
            rows.next();
            return rows.getString(1);
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        keeper.close();
    }

    /** An H2 in-memory database of its own, which closes with its last session. */
    static final class H2 extends Database {

        static H2 create() throws SQLException {
            return new H2().start(H2.class);
        }

        @Override
        Connection openKeeper() throws SQLException {
            return DriverManager.getConnection(url(), user(), PASSWORD);
        }

        @Override
        String url() {
            return "jdbc:h2:mem:" + name;
        }

        @Override
        String urlWithPassword() {
            return url() + ";USER=" + user() + ";PASSWORD=" + PASSWORD;
        }

        @Override
        String user() {
            return "sa";
        }

        @Override
        DataSource vendorDataSource() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL(url());
            dataSource.setUser(user());
            dataSource.setPassword(PASSWORD);
            return dataSource;
        }

        @Override
        String setTimeZone(String zone) {
            return "SET TIME ZONE '" + zone + "'";
        }

        @Override
        String timeZoneQuery() {
            return "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'TIME ZONE'";
        }

        @Override
        int sessions() throws SQLException {
            try (Statement statement = keeper().createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
                rows.next();
                return rows.getInt(1) - 1;
            }
        }
    }

    /**
     * The PostgreSQL server at 127.0.0.1:5432, database {@code test}, trust authentication; each
     * test's sessions are told apart by a unique {@code application_name}.
     */
    static final class PostgreSql extends Database {

        static final String SERVER = System.getProperty("signals.postgresql.url",
                "jdbc:postgresql://127.0.0.1:5432/test");
        private static String reachableAs;
        private static String unreachable;

        /**
         * Skips the calling test class when no server answers, or fails it when the system
         * property {@code signals.postgresql.required} is {@code true} (as in CI).
         */
        static synchronized void assumeReachable() {
            if (reachableAs == null && unreachable == null) {
                probe();
            }
            if (reachableAs == null) {
                if (Boolean.getBoolean("signals.postgresql.required")) {
                    fail("PostgreSQL is required (signals.postgresql.required=true) but " + unreachable);
                }
                Assumptions.abort("PostgreSQL not reachable, tests skipped: " + unreachable);
            }
        }

        private static void probe() {
            StringBuilder failures = new StringBuilder();
            String configured = System.getProperty("signals.postgresql.user");
            String[] users = configured != null ? new String[] {configured}
                    : new String[] {"postgres", System.getProperty("user.name")};
            for (String user : users) {
                Properties info = new Properties();
                info.setProperty("user", user);
                info.setProperty("connectTimeout", "3");
                try (Connection connection = DriverManager.getConnection(SERVER, info)) {
                    execute(connection, "SELECT 1");
                    reachableAs = user;
                    return;
                } catch (SQLException e) {
                    failures.append(failures.length() == 0 ? "" : "; ").append(SERVER).append(" as ")
                            .append(user).append(": ").append(e.getMessage());
                }
            }
            unreachable = failures.toString();
        }

        static PostgreSql create() throws SQLException {
            assumeReachable();
            return new PostgreSql().start(PostgreSql.class);
        }

        @Override
        Connection openKeeper() throws SQLException {
            return DriverManager.getConnection(SERVER, reachableAs, null);
        }

        @Override
        String url() {
            return SERVER + (SERVER.contains("?") ? "&" : "?") + "ApplicationName=" + name;
        }

        @Override
        String urlWithPassword() {
            // Trust authentication ignores the password, which is all this needs.
            return url() + "&password=" + PASSWORD;
        }

        @Override
        String user() {
            return reachableAs;
        }

        @Override
        DataSource vendorDataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(url());
            dataSource.setUser(user());
            dataSource.setPassword(PASSWORD);
            return dataSource;
        }

        @Override
        String setTimeZone(String zone) {
            return "SET TIME ZONE '" + zone + "'";
        }

        @Override
        String timeZoneQuery() {
            return "SHOW TIME ZONE";
        }

        @Override
        int sessions() throws SQLException {
            try (PreparedStatement statement = keeper().prepareStatement(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?")) {
                statement.setString(1, name);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        }
    }
}
