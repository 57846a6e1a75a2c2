package signals.relay.postgresql;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server of the tests (the system property {@code signals.postgresql.url}, as in
 * signals.jpa's tests), and a schema of a test class's own in it: a static field registered with
 * {@code @RegisterExtension}, which creates the schema before the class's tests and drops it after
 * them. Skips the test class when no server answers, or fails it when
 * {@code signals.postgresql.required} is {@code true}.
 */
final class Pg implements BeforeAllCallback, AfterAllCallback {

    static final String SERVER = System.getProperty("signals.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("signals.postgresql.user", "postgres");
    private static String unreachable;
    private static boolean probed;

    final String schema = "relay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    /** The table prefix of this schema's relay tables. */
    final String prefix = schema + ".r_";
    private final boolean business;
    private boolean created;

    private Pg(boolean business) {
        this.business = business;
    }

    /** A schema for the relay's tables alone. */
    static Pg schema() {
        return new Pg(false);
    }

    /**
     * A schema with a table {@code <prefix>business (id, n)} too, for the rows that the
     * application's transactions write beside their sends.
     */
    static Pg schemaWithBusinessTable() {
        return new Pg(true);
    }

    /** Creates the schema, or skips or fails the test class where no server answers. */
    @Override
    public void beforeAll(ExtensionContext context) {
        assumeReachable();
        execute("create schema " + schema);
        created = true;
        if (business) {
            execute("create table " + prefix + "business (id bigint generated always as identity primary key, n bigint)");
        }
    }

    /** Drops the schema and everything in it. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (created) {
            execute("drop schema " + schema + " cascade");
        }
    }

    static synchronized void assumeReachable() {
        if (!probed) {
            probed = true;
            try (Connection connection = dataSource("probe").getConnection()) {
                connection.isValid(3);
            } catch (SQLException e) {
                unreachable = SERVER + " as " + USER + ": " + e.getMessage();
            }
        }
        if (unreachable != null) {
            if (Boolean.getBoolean("signals.postgresql.required")) {
                fail("PostgreSQL is required (signals.postgresql.required=true) but " + unreachable);
            }
            Assumptions.abort("PostgreSQL not reachable, tests skipped: " + unreachable);
        }
    }

    /** pgjdbc's own data source, its connections named so that a test can find and end them. */
    static PGSimpleDataSource dataSource(String applicationName) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(SERVER);
        if (source.getUser() == null) {
            source.setUser(USER);
        }
        source.setApplicationName(applicationName);
        source.setConnectTimeout(3);
        return source;
    }

    /** The URL with the user, for child JVMs and the ServiceLoader provider. */
    static String url() {
        return SERVER + (SERVER.contains("?") ? "&" : "?") + "user=" + USER;
    }

    static Connection connect() throws SQLException {
        return dataSource("signals-relay-tests").getConnection();
    }

    static long queryLong(String sql, Object... args) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static void execute(String sql, Object... args) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Ends the server processes of the connections of one application name. */
    static long terminate(String applicationName) {
        return queryLong("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?"
                + " and datname = current_database() and pid <> pg_backend_pid()", applicationName);
    }

    /** The connections of one application name the server holds. */
    static long connections(String applicationName) {
        return queryLong("select count(*) from pg_stat_activity where application_name = ?"
                + " and datname = current_database()", applicationName);
    }
}
