package signals.relay.postgresql;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import signals.relay.spi.Transport;
import signals.relay.spi.TransportContext;
import signals.relay.spi.TransportSession;

/**
 * The PostgreSQL transport for {@code signals.relay}: which database, which tables, how often to
 * look. Immutable; each {@code with} method returns a copy.
 *
 * <pre>{@code
 * Relay relay = Relay.builder("shop").instanceId("web-1")
 *         .relay(ORDER_PAID, RelayCodec.kwargs())
 *         .transport(PostgresRelay.dataSource(dataSource))   // the application's own pool
 *         .start();
 * }</pre>
 *
 * <h2>What it keeps in the database</h2>
 * One outbox table shared by every application ({@code <prefix>outbox}, a column says whose each
 * row is), and one positions table ({@code <prefix>positions}, a row per instance). It creates
 * both when they are missing; a team that creates them with its own migrations (the DDL is in
 * the module's README) needs no DDL rights at run time. A relayed send inside a transaction whose
 * connection reaches this database is written into the outbox in that transaction; other sends
 * are written after their commit by the relay's publishing thread.
 *
 * <h2>Delivery</h2>
 * Each instance reads the rows of transactions that have ended, in the order of their
 * transaction ids, after its position, and stores its position after each batch of up to 256
 * rows: delivery is at least once, and a crash delivers that batch again. It is woken by
 * {@code NOTIFY} after each commit and reads anyway every {@link #withPollInterval poll
 * interval}. A writing transaction that stays open anywhere on the server (transaction ids are
 * shared by its databases) holds back the rows of every transaction that started after it, until
 * it ends.
 *
 * @since 0.10
 */
public final class PostgresRelay implements Transport {

    /** The system property that holds the JDBC URL for {@link #fromEnvironment()}. */
    public static final String URL_PROPERTY = "signals.relay.postgresql.url";

    /** The environment variable read when {@value #URL_PROPERTY} is not set. */
    public static final String URL_VARIABLE = "SIGNALS_RELAY_POSTGRESQL_URL";

    static final String DEFAULT_PREFIX = "signals_relay_";
    static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;

    /** An optional schema, then a table name start: lower case, so that nothing needs quoting. */
    private static final Pattern PREFIX = Pattern.compile("([a-z_][a-z0-9_]{0,29}\\.)?[a-z_][a-z0-9_]{0,29}");

    private final DataSource dataSource;
    /** Shared by the copies: a pool's real address is learnt from its first connection. */
    private final AtomicReference<String> where;
    private final String prefix;
    private final Duration pollInterval;
    private final int maxMessageBytes;

    private PostgresRelay(DataSource dataSource, AtomicReference<String> where, String prefix, Duration pollInterval,
            int maxMessageBytes) {
        this.dataSource = dataSource;
        this.where = where;
        this.prefix = prefix;
        this.pollInterval = pollInterval;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * The database the application's own {@link DataSource} reaches: the same one its
     * transactions run on, so that a relayed send is written in the sending transaction. The
     * session takes two connections from it for as long as the relay runs (one listens and reads,
     * one publishes), and returns them when the relay closes.
     *
     * @param dataSource a data source of PostgreSQL connections (pgjdbc, or a pool over it), not null
     * @return the transport
     * @throws NullPointerException if it is null
     */
    public static PostgresRelay dataSource(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new PostgresRelay(dataSource, new AtomicReference<>(describe(dataSource)), DEFAULT_PREFIX, Duration.ofSeconds(1),
                DEFAULT_MAX_MESSAGE_BYTES);
    }

    /**
     * The database at a pgjdbc URL, reached through pgjdbc's own unpooled data source: for a relay
     * on its own. Credentials go in the URL ({@code ?user=...&password=...}); the description
     * never shows them.
     *
     * @param url such as {@code jdbc:postgresql://127.0.0.1:5432/shop?user=app}, not null
     * @return the transport
     * @throws NullPointerException if the URL is null
     * @throws IllegalArgumentException if it is not a {@code jdbc:postgresql:} URL pgjdbc reads
     */
    public static PostgresRelay url(String url) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("'" + hidden(url) + "' is not a PostgreSQL JDBC URL: it must start with"
                    + " jdbc:postgresql:");
        }
        PGSimpleDataSource source = new PGSimpleDataSource();
        try {
            source.setUrl(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pgjdbc cannot read the URL '" + hidden(url) + "': " + e.getMessage(), e);
        }
        return dataSource(source);
    }

    /**
     * The database named by the system property {@value #URL_PROPERTY}, else the environment
     * variable {@value #URL_VARIABLE}: what a relay uses when it finds this module and is given
     * no transport.
     *
     * @return the transport
     * @throws IllegalStateException if neither is set
     * @throws IllegalArgumentException if the URL is not one pgjdbc reads
     */
    public static PostgresRelay fromEnvironment() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            url = System.getenv(URL_VARIABLE);
        }
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("no PostgreSQL database for the relay: set the system property "
                    + URL_PROPERTY + " or the environment variable " + URL_VARIABLE
                    + " to a JDBC URL, or pass PostgresRelay.dataSource(...) to Relay.Builder.transport");
        }
        return url(url.trim());
    }

    /**
     * Sets the start of the tables' names, and their schema: {@code "shop.relay_"} names the
     * tables {@code shop.relay_outbox} and {@code shop.relay_positions}. {@code signals_relay_}
     * unless set (in the connection's {@code search_path}). Give a schema when the connections of
     * the application's transactions may have another {@code search_path} than the relay's.
     *
     * @param prefix an optional schema and a dot, then the start of a name: lower-case letters,
     *     digits and {@code _}, not starting with a digit, at most 30 characters each
     * @return a copy with that prefix
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it is not such a name
     */
    public PostgresRelay withTablePrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("table prefix '" + prefix + "' must be an optional schema and a dot,"
                    + " then a name start: lower-case letters, digits and '_', not starting with a digit, at most 30"
                    + " characters each");
        }
        return new PostgresRelay(dataSource, where, prefix, pollInterval, maxMessageBytes);
    }

    /**
     * Sets how often an instance reads the outbox when no {@code NOTIFY} woke it: the longest a
     * message waits when its notification was lost (the listening connection was being
     * replaced), or when a transaction open elsewhere held it back. One second unless set.
     *
     * @param pollInterval 10 milliseconds to 10 minutes
     * @return a copy with that interval
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it is outside that range
     */
    public PostgresRelay withPollInterval(Duration pollInterval) {
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.compareTo(Duration.ofMillis(10)) < 0 || pollInterval.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("pollInterval must be 10 ms to 10 minutes, not " + pollInterval);
        }
        return new PostgresRelay(dataSource, where, prefix, pollInterval, maxMessageBytes);
    }

    /**
     * Sets the largest message (headers and body, as {@code WireMessage.size()} counts it) a send
     * may relay: a larger one fails the send, naming the signal. One MiB (1,048,576 bytes) unless
     * set: every instance reads a batch of up to 256 rows into memory at once.
     *
     * @param maxMessageBytes 1,024 to 64 MiB
     * @return a copy with that limit
     * @throws IllegalArgumentException if it is outside that range
     */
    public PostgresRelay withMaxMessageBytes(int maxMessageBytes) {
        if (maxMessageBytes < 1024 || maxMessageBytes > 64 << 20) {
            throw new IllegalArgumentException("maxMessageBytes must be 1024 to " + (64 << 20) + ", not " + maxMessageBytes);
        }
        return new PostgresRelay(dataSource, where, prefix, pollInterval, maxMessageBytes);
    }

    /**
     * The table prefix.
     *
     * @return {@code signals_relay_} unless set
     */
    public String tablePrefix() {
        return prefix;
    }

    /**
     * How often an instance reads the outbox without being woken.
     *
     * @return one second unless set
     */
    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * The largest message a send may relay.
     *
     * @return in bytes, 1,048,576 unless set
     */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /**
     * Names the database (host, port and database, never the user or password) and the outbox
     * table, such as {@code PostgreSQL 127.0.0.1:5432/shop, table signals_relay_outbox}. For a data
     * source that is not pgjdbc's own (a pool), the data source's class stands for the database
     * until a session's first connection tells the address.
     *
     * @return the description
     */
    @Override
    public String description() {
        return "PostgreSQL " + where.get() + ", table " + prefix + "outbox";
    }

    /**
     * Creates the tables when they are missing, stores this instance's position (at the end of
     * the outbox for a new instance), and starts listening and reading.
     *
     * @param context the relay's side, not null
     * @return the session
     * @throws IOException when the database cannot be reached or the tables cannot be created or
     *     read; the message names the database and the table
     */
    @Override
    public TransportSession open(TransportContext context) throws IOException {
        Objects.requireNonNull(context, "context");
        return PostgresSession.open(this, context);
    }

    DataSource source() {
        return dataSource;
    }

    /** Replaces a pool's class by the address its connections reported (a JDBC URL's host, port and database). */
    void learnt(String url) {
        String current = where.get();
        if (current.startsWith("through ") && url != null && url.startsWith("jdbc:postgresql://")) {
            String address = hidden(url.substring("jdbc:postgresql://".length()));
            int query = address.indexOf('?');
            where.compareAndSet(current, query < 0 ? address : address.substring(0, query));
        }
    }

    @Override
    public String toString() {
        return description();
    }

    /** Where a data source leads, without credentials; a pool's class when it does not say. */
    static String describe(DataSource dataSource) {
        if (dataSource instanceof PGSimpleDataSource) {
            PGSimpleDataSource pg = (PGSimpleDataSource) dataSource;
            String[] hosts = pg.getServerNames();
            int[] ports = pg.getPortNumbers();
            StringBuilder where = new StringBuilder();
            for (int i = 0; i < hosts.length; i++) {
                where.append(i == 0 ? "" : ",").append(hosts[i]).append(':')
                        .append(ports.length > i && ports[i] > 0 ? ports[i] : 5432);
            }
            return where + "/" + pg.getDatabaseName();
        }
        return "through " + dataSource.getClass().getName();
    }

    /** A URL with its query (where a password may be) cut off, for errors. */
    static String hidden(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }
}
