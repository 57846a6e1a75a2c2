package signals.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.postgresql.PGConnection;
import signals.relay.postgresql.PostgresRelay;

/**
 * Relayed sends between two JVMs over PostgreSQL, beside the same exchange written by hand with
 * pgjdbc (the limit the issue compares with: within 1.5x); the echo is {@link PgRelayEcho}, and
 * {@link RelayPingPong} says what {@code roundTrip} and {@code burst} measure.
 *
 * <p>{@code way}: {@code relay} relays the ping and the pong with {@code signals.relay} over
 * {@link PostgresRelay} (a poll interval of one second: wake-ups come from NOTIFY);
 * {@code jdbc} is the plain loop: each send an {@code INSERT} of the relay's six headers and an
 * 8-byte body into a table, then a {@code NOTIFY} (a burst in one transaction, as the relay's
 * publishing thread batches), and each side {@code LISTEN}s and reads the new rows by id. The
 * plain loop has no transaction-horizon check, no position and no retention: it is the engine's
 * limit, not a correct relay.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class PgRelayBenchmark extends RelayPingPong {

    static final String HEADERS = "Signals-Version: 1\nSignals-Signal: bench_ping\nSignals-Instance: bench\n"
            + "Signals-Id: bench-%d\nSignals-Sender: bench\nSignals-Sent-At: 2026-12-07T00:00:00.000Z\n";

    @Param({"relay", "jdbc"})
    String way;

    private Connection writer;
    private Thread reader;
    private volatile boolean reading = true;
    private String application;

    static String url() {
        return System.getProperty("relay.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    }

    /**
     * Starts the other JVM and this side's relay or reader.
     *
     * @throws Exception if the database or the other JVM cannot be reached
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        application = "bench" + System.nanoTime();
        if (way.equals("jdbc")) {
            writer = DriverManager.getConnection(url());
            try (Statement ddl = writer.createStatement()) {
                ddl.execute("create table " + application + " (id bigint generated always as identity primary key,"
                        + " kind text not null, headers text not null, body bytea not null)");
            }
        }
        startEcho(PgRelayEcho.class, way, url(), application);
        if (way.equals("relay")) {
            startRelay(application, transport(url(), application));
        } else {
            Connection listener = DriverManager.getConnection(url());
            reader = new Thread(() -> readByHand(listener, application, "pong", n -> pongs.incrementAndGet(),
                    () -> reading), "pongs");
            reader.start();
        }
    }

    static PostgresRelay transport(String url, String application) {
        return PostgresRelay.url(url).withTablePrefix(application + "_");
    }

    /**
     * Stops both sides and drops the trial's tables.
     *
     * @throws Exception if stopping fails
     */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (reader != null) {
            reading = false;
            reader.join();
        }
        stopBoth();
        try (Connection connection = DriverManager.getConnection(url()); Statement ddl = connection.createStatement()) {
            ddl.execute("drop table if exists " + application + ", " + application + "_outbox, " + application
                    + "_positions");
        }
        if (writer != null) {
            writer.close();
        }
    }

    @Override
    void sendByHand(long last, int count) throws SQLException {
        writeByHand(writer, application, "ping", last, count);
    }

    /** Writes {@code count} rows of one kind in one transaction with one NOTIFY; returns the last number. */
    static long writeByHand(Connection connection, String table, String kind, long last, int count) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("insert into " + table
                + " (kind, headers, body) values (?, ?, ?)");
             PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            for (int i = 0; i < count; i++) {
                long n = ++last;
                insert.setString(1, kind);
                insert.setString(2, String.format(HEADERS, n));
                insert.setBytes(3, java.nio.ByteBuffer.allocate(8).putLong(n).array());
                insert.addBatch();
            }
            insert.executeBatch();
            notify.setString(1, table + "_" + kind);
            notify.setString(2, kind);
            notify.executeQuery().close();
        }
        connection.commit();
        return last;
    }

    /** Listens for one kind and reads its new rows by id, handing each number on, until told to stop. */
    static void readByHand(Connection connection, String table, String kind, java.util.function.LongConsumer each,
            java.util.function.BooleanSupplier going) {
        long lastId = 0;
        try (Statement listen = connection.createStatement();
             PreparedStatement read = connection.prepareStatement("select id, body from " + table
                     + " where kind = ? and id > ? order by id")) {
            listen.execute("listen " + table + "_" + kind);
            while (going.getAsBoolean()) {
                read.setString(1, kind);
                read.setLong(2, lastId);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        lastId = rows.getLong(1);
                        each.accept(java.nio.ByteBuffer.wrap(rows.getBytes(2)).getLong());
                    }
                }
                connection.unwrap(PGConnection.class).getNotifications((int) Duration.ofMillis(100).toMillis());
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
