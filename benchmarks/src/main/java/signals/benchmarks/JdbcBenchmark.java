package signals.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import signals.jdbc.ConnectionSignals;
import signals.jdbc.SignalsDataSource;

/**
 * What {@code signals.jdbc} costs an application, against the same work on an embedded H2
 * database without it: a statement on a connection obtained through the module (it should cost
 * exactly the same, since the application holds the driver's own connection), and the opening of
 * a physical connection (which should cost a plain open plus the receivers' own work).
 *
 * <p>{@code way}: {@code plain} opens H2's own {@code DataSource}, {@code wrapper} the same
 * through {@link SignalsDataSource}; {@code manager} asks {@link DriverManager} for the H2 URL,
 * {@code driver} for the same URL behind {@code jdbc:signals:}. Compare {@code wrapper} with
 * {@code plain} and {@code driver} with {@code manager}.
 * {@code receiver}: {@code none} connects nothing, {@code empty} a receiver that does nothing, and
 * {@code timeZone} a receiver that sets the session's time zone; for the plain way, that
 * statement is run by hand after opening, so that the work compared is the same.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@State(Scope.Thread)
public class JdbcBenchmark {

    private static final String H2 = "h2:mem:bench;DB_CLOSE_DELAY=-1";
    private static final String SET_TIME_ZONE = "SET TIME ZONE 'Europe/Rome'";

    @Param({"plain", "manager", "driver", "wrapper"})
    String way;

    @Param({"none", "empty", "timeZone"})
    String receiver;

    private signals.core.SignalConnection connection;
    private JdbcDataSource target;
    private DataSource wrapper;

    /**
     * Creates the database and connects the receiver; opens the connection the statement runs on.
     *
     * @throws SQLException if H2 fails
     */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        if (receiver.equals("empty")) {
            connection = ConnectionSignals.CONNECTION_CREATED.connect((signal, alias, created) -> { });
        } else if (receiver.equals("timeZone")) {
            connection = ConnectionSignals.CONNECTION_CREATED.connect((signal, alias, created) -> {
                try (Statement statement = created.connection().createStatement()) {
                    statement.execute(SET_TIME_ZONE);
                }
            });
        }
        target = new JdbcDataSource();
        target.setURL("jdbc:" + H2);
        target.setUser("sa");
        wrapper = new SignalsDataSource(target, "bench");
    }

    /**
     * Closes what setUp opened and disconnects the receiver.
     *
     * @throws SQLException if H2 fails
     */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        if (connection != null) {
            connection.disconnect();
        }
    }

    /**
     * Opens and closes a physical connection, with whatever the receiver does to it.
     *
     * @return whether the connection was valid, so that nothing is optimized away
     * @throws SQLException if H2 fails
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public boolean openPhysicalConnection() throws SQLException {
        try (Connection c = open()) {
            if ((way.equals("plain") || way.equals("manager")) && receiver.equals("timeZone")) {
                try (Statement statement = c.createStatement()) {
                    statement.execute(SET_TIME_ZONE);
                }
            }
            return !c.isClosed();
        }
    }

    private Connection open() throws SQLException {
        return open(way, target, wrapper);
    }

    private static Connection open(String way, JdbcDataSource target, DataSource wrapper) throws SQLException {
        switch (way) {
            case "plain":
                return target.getConnection();
            case "manager":
                Properties plain = new Properties();
                plain.setProperty("user", "sa");
                return DriverManager.getConnection("jdbc:" + H2, plain);
            case "driver":
                Properties info = new Properties();
                info.setProperty("user", "sa");
                info.setProperty("signalsAlias", "bench");
                return DriverManager.getConnection("jdbc:signals:" + H2, info);
            case "wrapper":
                return wrapper.getConnection();
            default:
                throw new IllegalArgumentException("way " + way);
        }
    }

    /**
     * A query on a connection already open: the per-statement cost of the module, which should
     * be none. A state of its own, so that it runs once per way rather than once per receiver:
     * what a receiver did when the connection opened cannot change a later statement.
     */
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
    @BenchmarkMode(Mode.AverageTime)
    @State(Scope.Thread)
    public static class Statements {

        /** As {@link JdbcBenchmark#way}. */
        @Param({"plain", "manager", "driver", "wrapper"})
        String way;

        private Connection open;
        private PreparedStatement select;

        /**
         * Opens the connection the statement runs on.
         *
         * @throws SQLException if H2 fails
         */
        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            JdbcDataSource target = new JdbcDataSource();
            target.setURL("jdbc:" + H2);
            target.setUser("sa");
            open = open(way, target, new SignalsDataSource(target, "bench"));
            select = open.prepareStatement("SELECT 1");
        }

        /**
         * Closes what setUp opened.
         *
         * @throws SQLException if H2 fails
         */
        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            select.close();
            open.close();
        }

        /**
         * Runs {@code SELECT 1} and reads its row.
         *
         * @return the query's result
         * @throws SQLException if H2 fails
         */
        @Benchmark
        @OutputTimeUnit(TimeUnit.NANOSECONDS)
        public int executeStatement() throws SQLException {
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
