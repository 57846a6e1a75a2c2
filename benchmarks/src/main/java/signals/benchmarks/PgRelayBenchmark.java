package signals.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.postgresql.PGConnection;
import signals.core.Kwargs;
import signals.core.Signal;
import signals.relay.Relay;
import signals.relay.RelayCodec;
import signals.relay.Remote;
import signals.relay.postgresql.PostgresRelay;

/**
 * Relayed sends between two JVMs over PostgreSQL, beside the same exchange written by hand with
 * pgjdbc (the limit the issue compares with: within 1.5x). This JVM sends pings; a second JVM
 * ({@link PgRelayEcho}, started by the setup from this class path) answers each with a pong; an
 * operation ends when the pong is back. {@code roundTrip} sends one ping at a time (its sample
 * times give the median and p99 of a round trip, two one-way trips); {@code burst} sends 1,000
 * and waits for their 1,000 pongs (throughput of relayed sends each way).
 *
 * <p>{@code way}: {@code relay} relays {@link #PING} and {@link #PONG} with {@code signals.relay}
 * over {@link PostgresRelay} (a poll interval of one second: wake-ups come from NOTIFY);
 * {@code jdbc} is the plain loop: each send an {@code INSERT} of the relay's six headers and an
 * 8-byte body into a table, then a {@code NOTIFY} (a burst in one transaction, as the relay's
 * publishing thread batches), and each side {@code LISTEN}s and reads the new rows by id. The
 * plain loop has no transaction-horizon check, no position and no retention: it is the engine's
 * limit, not a correct relay.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class PgRelayBenchmark {

    static final Signal<Kwargs> PING = Signal.withArguments("bench_ping", "n");
    static final Signal<Kwargs> PONG = Signal.withArguments("bench_pong", "n");
    static final String HEADERS = "Signals-Version: 1\nSignals-Signal: bench_ping\nSignals-Instance: bench\n"
            + "Signals-Id: bench-%d\nSignals-Sender: bench\nSignals-Sent-At: 2026-12-07T00:00:00.000Z\n";

    @Param({"relay", "jdbc"})
    String way;

    private final AtomicLong pongs = new AtomicLong();
    private Process echo;
    private Relay relay;
    private Connection writer;
    private Thread reader;
    private volatile boolean reading = true;
    private String application;
    private long sent;

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
        echo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), PgRelayEcho.class.getName(), way, url(), application)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(echo.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"ready".equals(line)) {
            throw new IllegalStateException("the echo JVM said " + line);
        }
        if (way.equals("relay")) {
            PONG.connect(Remote.only((signal, remote, pong) -> pongs.incrementAndGet()));
            relay = Relay.builder(application).instanceId("bench").relay(PING, RelayCodec.kwargs())
                    .relay(PONG, RelayCodec.kwargs())
                    .transport(PostgresRelay.url(url()).withTablePrefix(application + "_")).start();
        } else {
            Connection listener = DriverManager.getConnection(url());
            reader = new Thread(() -> readByHand(listener, application, "pong", n -> pongs.incrementAndGet(),
                    () -> reading), "pongs");
            reader.start();
        }
    }

    /**
     * Stops both sides and drops the trial's tables.
     *
     * @throws Exception if stopping fails
     */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (relay != null) {
            relay.close();
        }
        if (reader != null) {
            reading = false;
            reader.join();
        }
        echo.getOutputStream().close();
        echo.waitFor(30, TimeUnit.SECONDS);
        try (Connection connection = DriverManager.getConnection(url()); Statement ddl = connection.createStatement()) {
            ddl.execute("drop table if exists " + application + ", " + application + "_outbox, " + application
                    + "_positions");
        }
        if (writer != null) {
            writer.close();
        }
    }

    /**
     * One ping, then the wait for its pong.
     *
     * @throws Exception if writing fails
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void roundTrip() throws Exception {
        ping(1);
    }

    /**
     * A thousand pings, then the wait for their pongs.
     *
     * @throws Exception if writing fails
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(1_000)
    public void burst() throws Exception {
        ping(1_000);
    }

    private void ping(int count) throws Exception {
        long target = sent + count;
        if (way.equals("relay")) {
            for (int i = 0; i < count; i++) {
                PING.send("bench", Kwargs.of("n", ++sent));
            }
        } else {
            sent = writeByHand(writer, application, "ping", sent, count);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pongs.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pongs stopped at " + pongs.get() + " of " + target);
            }
            LockSupport.parkNanos(5_000);
        }
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
