package signals.jpa;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.hibernate.Session;
import org.junit.jupiter.api.Assumptions;

/**
 * A real database of a test's own: an H2 in-memory database, or a schema of its own on the
 * PostgreSQL server at 127.0.0.1:5432 (database {@code test}, trust authentication). Tests read it
 * with plain JDBC, past Hibernate, to see what was really written.
 */
abstract class Database implements AutoCloseable {

    final String name = "signals_jpa_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    /** The settings a persistence unit needs to reach this database. */
    abstract Map<String, Object> settings();

    /** A new connection, in auto-commit mode, that sees only committed rows of others. */
    abstract Connection connect() throws SQLException;

    /** Counts the rows of a table (an entity's name), committed ones as a new connection sees them. */
    long count(String table) {
        return queryLong("SELECT COUNT(*) FROM " + qualified(table));
    }

    /** Counts a table's rows as the entity manager's own transaction sees them. */
    long countInside(EntityManager em, String table) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + qualified(table))) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    String qualified(String table) {
        return table;
    }

    long queryLong(String sql) {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    String queryString(String sql) {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static Database h2() {
        return new H2();
    }

    static Database postgresql() {
        return new PostgreSql();
    }

    /** An in-memory H2 database, kept alive by one open connection until closed. */
    static final class H2 extends Database {
        private final Connection keeper;

        H2() {
            try {
                keeper = connect();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private String url() {
            return "jdbc:h2:mem:" + name;
        }

        @Override
        Map<String, Object> settings() {
            Map<String, Object> settings = new HashMap<>();
            settings.put("jakarta.persistence.jdbc.url", url());
            settings.put("jakarta.persistence.jdbc.user", "sa");
            settings.put("jakarta.persistence.jdbc.password", "");
            return settings;
        }

        @Override
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url(), "sa", "");
        }

        @Override
        public void close() throws SQLException {
            keeper.close();
        }
    }

    /** A schema of its own on the PostgreSQL server, dropped when closed. */
    static final class PostgreSql extends Database {
        static final String SERVER = System.getProperty("signals.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
        /**
         * The safety net under every test's rollback: a statement that waits for a lock left by
         * another connection fails after ten seconds instead of hanging the build.
         */
        static final String OPTIONS = "-c lock_timeout=10000";
        private static String reachableAs;
        private static String unreachable;

        PostgreSql() {
            assumeReachable();
            execute("CREATE SCHEMA " + name);
        }

        /**
         * Skips the calling test when no server answers, or fails it when the system property
         * {@code signals.postgresql.required} is {@code true} (as in CI).
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
                    reachableAs = user;
                    return;
                } catch (SQLException e) {
                    failures.append(failures.length() == 0 ? "" : "; ").append(SERVER).append(" as ").append(user)
                            .append(": ").append(e.getMessage());
                }
            }
            unreachable = failures.toString();
        }

        @Override
        Map<String, Object> settings() {
            Map<String, Object> settings = new HashMap<>();
            settings.put("jakarta.persistence.jdbc.url", SERVER);
            settings.put("jakarta.persistence.jdbc.user", reachableAs);
            settings.put("hibernate.default_schema", name);
            settings.put("hibernate.connection.options", OPTIONS);   // handed to the driver
            return settings;
        }

        @Override
        Connection connect() throws SQLException {
            Properties info = new Properties();
            info.setProperty("user", reachableAs);
            info.setProperty("options", OPTIONS);
            return DriverManager.getConnection(SERVER, info);
        }

        @Override
        String qualified(String table) {
            return name + "." + table.toLowerCase(Locale.ROOT);
        }

        private void execute(String sql) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }

        @Override
        public void close() {
            execute("DROP SCHEMA " + name + " CASCADE");
        }
    }
}
