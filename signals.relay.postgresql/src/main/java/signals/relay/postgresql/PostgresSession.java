package signals.relay.postgresql;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import signals.core.Transactions;
import signals.relay.spi.TransportContext;
import signals.relay.spi.TransportSession;
import signals.relay.spi.WireMessage;

/**
 * One relay's use of the database: writes messages into the outbox (in the sending transaction,
 * or on the relay's publishing thread), and reads the other instances' rows on a thread of its
 * own, woken by {@code NOTIFY} or by its poll interval, storing its position after each batch.
 * A third small thread sends the {@code NOTIFY} for rows written in sending transactions, after
 * their commit, so that no business transaction takes the lock a {@code NOTIFY} takes at commit.
 */
final class PostgresSession implements TransportSession {

    static final System.Logger LOG = System.getLogger("signals.relay.postgresql");

    /** Rows read, delivered and acknowledged (the position stored) at a time. */
    static final int BATCH = 256;
    /** The longest wait between two tries to reconnect. */
    static final long LAST_RETRY_MILLIS = 2_000;

    private final PostgresRelay transport;
    private final TransportContext context;
    private final Tables tables;
    private final String name;
    /** The outbox database's name and its server's start time, as the relay's own connections see them. */
    private volatile String identity;
    private final long pollMillis;
    private final long retentionEveryNanos;
    private final Thread reader;
    private final Thread notifier;
    private final Object publishing = new Object();
    /** Apart from {@link #publishing}, so that a committing thread never waits for a publish. */
    private final Object waking = new Object();
    /** Physical connections of sending transactions, and whether they reach this database. */
    private final Map<Object, Boolean> checked = Collections.synchronizedMap(new WeakHashMap<>());
    private volatile boolean running = true;
    private volatile long behind = -1;
    private boolean wake; // guarded by waking
    private Connection publisher; // guarded by publishing
    /** The first id of a batch whose commit may or may not have happened: looked up before it is written again. */
    private String uncertain; // guarded by publishing
    /**
     * The id of the publishing connection's latest transaction, known from its NOTIFY on: the
     * reader leaves it out of its horizon. Once that transaction has ended it is no longer
     * running, so a stale value leaves nothing out; "0" is never a transaction's id.
     */
    private volatile String publishingXid = "0";
    private Connection listener; // the reader thread's only
    private String lastXid; // the reader thread's only
    private long lastId; // the reader thread's only
    private long nextRetention; // the reader thread's only
    private final String[] headerNames = new String[8]; // the reader thread's only

    private PostgresSession(PostgresRelay transport, TransportContext context, String identity) {
        this.transport = transport;
        this.context = context;
        this.tables = new Tables(transport.tablePrefix());
        this.name = "relay " + context.application() + "/" + context.instanceId();
        this.identity = identity;
        this.pollMillis = transport.pollInterval().toMillis();
        this.retentionEveryNanos = Math.min(TimeUnit.SECONDS.toNanos(60), context.retention().toNanos() / 4);
        this.reader = new Thread(this::read, "signals-relay-postgresql read " + context.application() + "/"
                + context.instanceId());
        this.notifier = new Thread(this::notifyLoop, "signals-relay-postgresql notify " + context.application() + "/"
                + context.instanceId());
        this.nextRetention = System.nanoTime();
        reader.setDaemon(true);
        notifier.setDaemon(true);
    }

    static PostgresSession open(PostgresRelay transport, TransportContext context) throws IOException {
        Tables tables = new Tables(transport.tablePrefix());
        Connection connection;
        try {
            connection = transport.source().getConnection();
        } catch (SQLException e) {
            // The relay's message names the transport already.
            throw new IOException("cannot connect: " + firstLine(e.getMessage()), e);
        }
        try {
            connection.setAutoCommit(true);
            transport.learnt(connection.getMetaData().getURL());
            createTables(connection, tables);
            String identity = queryString(connection, tables.identity());
            try (PreparedStatement start = connection.prepareStatement(tables.startPosition())) {
                start.setString(1, context.application());
                start.setString(2, context.instanceId());
                start.executeUpdate();
            }
            PostgresSession session = new PostgresSession(transport, context, identity);
            session.listener = connection;
            session.loadPosition();
            session.listen();
            session.reader.start();
            session.notifier.start();
            return session;
        } catch (SQLException | RuntimeException e) {
            quietClose(connection);
            String hint = e instanceof SQLException && "3F000".equals(((SQLException) e).getSQLState())
                    ? "; create the schema, or choose another with withTablePrefix" : "";
            throw new IOException("cannot set up the tables " + tables.outbox + " and " + tables.positions + ": "
                    + firstLine(e.getMessage()) + hint, e);
        }
    }

    /** Creates the tables when one is missing, so that a database with both needs no DDL rights. */
    private static void createTables(Connection connection, Tables tables) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(tables.exists())) {
            exists.setString(1, tables.outbox);
            exists.setString(2, tables.positions);
            try (ResultSet row = exists.executeQuery()) {
                row.next();
                if (row.getBoolean(1)) {
                    return;
                }
            }
        }
        try (Statement ddl = connection.createStatement()) {
            for (String statement : tables.ddl()) {
                ddl.execute(statement);
            }
        }
    }

    // ---- writing ----------------------------------------------------------------------------

    @Override
    public int maxMessageBytes() {
        return transport.maxMessageBytes();
    }

    /**
     * Writes the message with the sending transaction's own connection, when it reaches this
     * database; the NOTIFY follows the commit, from the notifier thread.
     */
    @Override
    public boolean publishInTransaction(WireMessage message) throws IOException {
        Optional<Connection> resource = Transactions.resource(Connection.class);
        if (resource.isEmpty() || !sameDatabase(resource.get())) {
            return false;
        }
        try (PreparedStatement insert = resource.get().prepareStatement(tables.insert())) {
            bind(insert, message);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("cannot write to " + transport.description() + " in the sending transaction: "
                    + e.getMessage(), e);
        }
        Transactions.onCommit(this::wakeOthers);
        return true;
    }

    /**
     * Whether a transaction's connection reaches the outbox's database: asked once per physical
     * connection. One that does not gets a warning, and its sends go the after-commit way.
     */
    private boolean sameDatabase(Connection connection) {
        Object physical;
        try {
            physical = connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : null;
        } catch (SQLException e) {
            physical = null;
        }
        if (physical == null) {
            warnOnce(connection, "it is not a PostgreSQL connection");
            return false;
        }
        Boolean same = checked.get(physical);
        if (same == null) {
            String other;
            try {
                other = queryString(connection, tables.identity());
            } catch (SQLException e) {
                other = "unknown (" + e.getMessage() + ")";
            }
            same = identity.equals(other) || identityChanged(other);
            checked.put(physical, same);
            if (!same) {
                String seen = other;
                LOG.log(Level.WARNING, () -> name + ": a sending transaction's connection reaches database " + seen
                        + ", not the outbox's (" + identity + "): its relayed sends are written after the commit"
                        + " instead, outside that transaction");
            }
        }
        return same;
    }

    /**
     * Reads the outbox database's identity again when a transaction's connection differs from it:
     * after a server restart its start time changed for every new connection, the relay's own
     * included. Once per physical connection, as the answer is kept for it.
     */
    private boolean identityChanged(String other) {
        try (Connection connection = transport.source().getConnection()) {
            identity = queryString(connection, tables.identity());
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, () -> name + ": cannot read the outbox database's identity (" + e + ")");
        }
        return identity.equals(other);
    }

    private void warnOnce(Connection connection, String why) {
        if (checked.put(connection, Boolean.FALSE) == null) {
            LOG.log(Level.WARNING, () -> name + ": a sending transaction's connection (" + connection.getClass().getName()
                    + ") cannot hold the outbox: " + why + "; its relayed sends are written after the commit instead");
        }
    }

    private void bind(PreparedStatement insert, WireMessage message) throws SQLException {
        insert.setString(1, context.application());
        insert.setString(2, context.instanceId());
        insert.setString(3, Tables.headers(message.headers()));
        insert.setBytes(4, message.body());
    }

    /**
     * Writes the batch in one transaction of the publishing connection, with the NOTIFY, so that
     * the other instances are woken once per batch. A batch whose commit failed without an answer
     * may be stored already: its first id is looked up before it is written again.
     */
    @Override
    public void publish(List<WireMessage> batch) throws IOException, InterruptedException {
        synchronized (publishing) {
            boolean committing = false;
            try {
                Connection connection = publisher();
                if (uncertain != null && uncertain.equals(batch.get(0).id()) && stored(connection, uncertain)) {
                    uncertain = null;
                    return;
                }
                uncertain = null;
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement(tables.insertAll())) {
                    String[] headers = new String[batch.size()];
                    byte[][] bodies = new byte[batch.size()][];
                    for (int i = 0; i < headers.length; i++) {
                        headers[i] = Tables.headers(batch.get(i).headers());
                        bodies[i] = batch.get(i).body();
                    }
                    insert.setString(1, context.application());
                    insert.setString(2, context.instanceId());
                    insert.setArray(3, connection.createArrayOf("text", headers));
                    insert.setArray(4, connection.createArrayOf("bytea", bodies));
                    insert.executeUpdate();
                }
                publishingXid = notifyAndName(connection);
                committing = true;
                connection.commit();
            } catch (SQLException e) {
                if (committing) {
                    uncertain = batch.get(0).id();
                }
                dropPublisher();
                throw new IOException("cannot write " + batch.size() + " messages to " + transport.description() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private boolean stored(Connection connection, String id) throws SQLException {
        connection.setAutoCommit(true);
        try (PreparedStatement query = connection.prepareStatement(tables.stored())) {
            query.setString(1, context.application());
            query.setString(2, context.instanceId());
            query.setString(3, Tables.idLine(id));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        }
    }

    private Connection publisher() throws SQLException {
        if (publisher == null) {
            publisher = transport.source().getConnection();
        }
        return publisher;
    }

    private void dropPublisher() {
        if (publisher != null) {
            quietClose(publisher);
            publisher = null;
        }
    }

    private void notifyOthers(Connection connection) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement(tables.notifyApplication())) {
            notify.setString(1, tables.channel);
            notify.setString(2, context.application());
            notify.executeQuery().close();
        }
    }

    private String notifyAndName(Connection connection) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement(tables.notifyAndName())) {
            notify.setString(1, tables.channel);
            notify.setString(2, context.application());
            try (ResultSet row = notify.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** After a sending transaction committed: one NOTIFY soon, however many commits ask. */
    private void wakeOthers() {
        synchronized (waking) {
            wake = true;
            waking.notifyAll();
        }
    }

    private void notifyLoop() {
        while (running) {
            synchronized (waking) {
                try {
                    while (running && !wake) {
                        waking.wait();
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (!running) {
                    return;
                }
                wake = false;
            }
            SQLException failed = notifyAlone();
            if (failed != null) {
                // The others read at their poll interval anyway; the publisher reconnects.
                LOG.log(Level.DEBUG, () -> name + ": NOTIFY not sent (" + failed + ")");
            }
        }
    }

    /**
     * One NOTIFY on the publishing connection outside any batch. A failure drops that connection
     * (the next publish opens another) and is returned for the caller to report.
     */
    private SQLException notifyAlone() {
        synchronized (publishing) {
            try {
                Connection connection = publisher();
                connection.setAutoCommit(true);
                notifyOthers(connection);
                return null;
            } catch (SQLException e) {
                dropPublisher();
                return e;
            }
        }
    }

    // ---- reading ----------------------------------------------------------------------------

    private void read() {
        boolean failing = false;
        long wait = 50;
        while (running) {
            try {
                if (listener == null) {
                    listener = transport.source().getConnection();
                    listener.setAutoCommit(true);
                    listen();
                }
                readAll();
                expire();
                if (failing) {
                    failing = false;
                    wait = 50;
                    LOG.log(Level.INFO, () -> name + " reads " + transport.description() + " again");
                }
                // Any notification is a wake-up; which application it names does not matter.
                listener.unwrap(PGConnection.class).getNotifications((int) pollMillis);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (!failing) {
                    failing = true;
                    LOG.log(Level.WARNING, () -> name + " lost its connection to " + transport.description() + " ("
                            + e.getMessage() + "); reconnecting, delivery resumes from its position", e);
                }
                quietClose(listener);
                listener = null;
                if (!pause(wait)) {
                    break;
                }
                wait = Math.min(wait * 2, LAST_RETRY_MILLIS);
            }
        }
        quietClose(listener);
        listener = null;
    }

    private void listen() throws SQLException {
        try (Statement statement = listener.createStatement()) {
            statement.execute(tables.listen());
        }
    }

    private void loadPosition() throws SQLException {
        try (PreparedStatement query = listener.prepareStatement(tables.position())) {
            query.setString(1, context.application());
            query.setString(2, context.instanceId());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the position of instance " + context.instanceId() + " is missing from table "
                            + tables.positions);
                }
                lastXid = row.getString(1);
                lastId = row.getLong(2);
            }
        }
        takeMissed();
    }

    /** Reads and delivers batches until the outbox has no more ended rows after the position. */
    private void readAll() throws SQLException {
        while (running) {
            List<Row> rows = new ArrayList<>(BATCH);
            try (PreparedStatement query = listener.prepareStatement(tables.read())) {
                query.setString(1, context.application());
                query.setString(2, context.instanceId());
                query.setString(3, lastXid);
                query.setLong(4, lastId);
                query.setString(5, publishingXid);
                query.setInt(6, BATCH);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3), result.getBytes(4)));
                    }
                }
            }
            if (rows.isEmpty()) {
                behind = 0;
                return;
            }
            Row lastRow = rows.get(rows.size() - 1);
            long after = rows.size() == BATCH ? countAfter(lastRow) : 0;
            List<WireMessage> messages = new ArrayList<>(rows.size());
            for (Row row : rows) {
                messages.add(WireMessage.of(Tables.headers(row.headers, headerNames), row.body));
            }
            behind = rows.size() + after;
            // Together, so that the answers they cause are written in one transaction, not two.
            context.deliverAll(messages);
            behind = after;
            savePosition(lastRow);
            if (rows.size() < BATCH) {
                return;
            }
        }
    }

    private long countAfter(Row row) throws SQLException {
        try (PreparedStatement query = listener.prepareStatement(tables.behind())) {
            query.setString(1, context.application());
            query.setString(2, context.instanceId());
            query.setString(3, row.xid);
            query.setLong(4, row.id);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private void savePosition(Row row) throws SQLException {
        try (PreparedStatement update = listener.prepareStatement(tables.savePosition())) {
            update.setString(1, row.xid);
            update.setLong(2, row.id);
            update.setString(3, context.application());
            update.setString(4, context.instanceId());
            update.executeUpdate();
        }
        lastXid = row.xid;
        lastId = row.id;
    }

    /**
     * Deletes the application's rows older than the retention, every quarter of the retention
     * (at most every minute), in one transaction that only one instance at a time gets to run;
     * first it adds to each instance's {@code missed} the rows it is losing unread. Then reads this
     * instance's own count.
     */
    private void expire() throws SQLException {
        long now = System.nanoTime();
        if (now - nextRetention < 0) {
            return;
        }
        nextRetention = now + retentionEveryNanos;
        listener.setAutoCommit(false);
        try {
            if (lockRetention()) {
                String keptXid;
                long keptId;
                try (PreparedStatement query = listener.prepareStatement(tables.firstKept())) {
                    query.setString(1, context.application());
                    query.setDouble(2, context.retention().toMillis() / 1000.0);
                    try (ResultSet row = query.executeQuery()) {
                        row.next();
                        keptXid = row.getString(1);
                        keptId = row.getLong(2);
                    }
                }
                try (PreparedStatement missed = listener.prepareStatement(tables.countMissed())) {
                    missed.setString(1, context.application());
                    missed.setString(2, keptXid);
                    missed.setLong(3, keptId);
                    missed.setString(4, context.application());
                    missed.executeUpdate();
                }
                try (PreparedStatement delete = listener.prepareStatement(tables.expire())) {
                    delete.setString(1, context.application());
                    delete.setString(2, keptXid);
                    delete.setLong(3, keptId);
                    int deleted = delete.executeUpdate();
                    if (deleted > 0) {
                        LOG.log(Level.DEBUG, () -> name + " deleted " + deleted + " rows older than "
                                + context.retention() + " from " + tables.outbox);
                    }
                }
            }
            listener.commit();
        } catch (SQLException e) {
            listener.rollback();
            throw e;
        } finally {
            listener.setAutoCommit(true);
        }
        takeMissed();
    }

    private boolean lockRetention() throws SQLException {
        try (PreparedStatement lock = listener.prepareStatement(tables.retentionLock())) {
            lock.setString(1, tables.outbox + " " + context.application());
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /** Logs the rows that retention deleted before this instance read them, and forgets them. */
    private void takeMissed() throws SQLException {
        try (PreparedStatement take = listener.prepareStatement(tables.takeMissed())) {
            take.setString(1, context.application());
            take.setString(2, context.instanceId());
            take.setString(3, context.application());
            take.setString(4, context.instanceId());
            try (ResultSet row = take.executeQuery()) {
                if (row.next()) {
                    long missed = row.getLong(1);
                    LOG.log(Level.WARNING, () -> name + " missed " + missed + " messages: they were older than the"
                            + " retention (" + context.retention() + ") and deleted from " + tables.outbox
                            + " before it read them; it goes on with the next");
                }
            }
        }
    }

    @Override
    public long behind() {
        return behind;
    }

    /**
     * Stops both threads (the reader woken by a NOTIFY of its own, else within one poll interval)
     * and returns both connections to the data source.
     */
    @Override
    public void close() {
        running = false;
        synchronized (waking) {
            waking.notifyAll();
        }
        join(notifier);
        wakeReader();
        join(reader);
        synchronized (publishing) {
            dropPublisher();
        }
    }

    /**
     * Ends the reader's wait for a notification at once with one NOTIFY (which wakes the other
     * instances once too, harmlessly), rather than after up to a poll interval.
     */
    private void wakeReader() {
        SQLException failed = notifyAlone();
        if (failed != null) {
            LOG.log(Level.DEBUG, () -> name + ": closing without a NOTIFY (" + failed + "); the reader stops within "
                    + pollMillis + " ms");
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(60_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join();
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    /** The server's message without pgjdbc's further lines ({@code Position: 28} and the like). */
    static String firstLine(String message) {
        int end = message == null ? -1 : message.indexOf('\n');
        return end < 0 ? String.valueOf(message) : message.substring(0, end);
    }

    static void quietClose(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, () -> "closing a connection failed (" + e + ")");
            }
        }
    }

    /** One outbox row as read. */
    private static final class Row {
        final long id;
        final String xid;
        final String headers;
        final byte[] body;

        Row(long id, String xid, String headers, byte[] body) {
            this.id = id;
            this.xid = xid;
            this.headers = headers;
            this.body = body;
        }
    }
}
