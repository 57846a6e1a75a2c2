package signals.relay.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import signals.core.Kwargs;
import signals.core.Signal;
import signals.relay.Relay;
import signals.relay.RelayCodec;
import signals.relay.testkit.LogCapture;
import signals.relay.Remote;

/**
 * The transport in the test JVM, on the module path and again on the class path, against the
 * PostgreSQL server in a schema of this class's own: two relays in one JVM stand for two
 * instances, each relaying its own signal object of the same name; rows inserted by hand stand
 * for a third instance, or for a broken one.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class PostgresRelayTests {

    @RegisterExtension
    static final Pg pg = Pg.schema();
    private static final RelayCodec<Kwargs> KWARGS = RelayCodec.kwargs();

    private final Signal<Kwargs> pingA = Signal.withArguments("ping", "n");
    private final Signal<Kwargs> pingB = Signal.withArguments("ping", "n");
    private final List<Long> heardByB = Collections.synchronizedList(new ArrayList<>());
    // signals.relay.postgresql logs through its parent signals.relay.
    @RegisterExtension
    final LogCapture log = LogCapture.withLevels("signals.relay");
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void listen() {
        toClose.add(pingB.connect(Remote.only((signal, remote, ping) -> heardByB.add(ping.get("n", Long.class)))));
    }

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(toClose);
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        assertEquals(List.of(), Relay.running(), "a test left a relay running");
    }

    private PostgresRelay transport(String name) {
        return PostgresRelay.dataSource(Pg.dataSource(name)).withTablePrefix(pg.prefix)
                .withPollInterval(Duration.ofMillis(100));
    }

    private Relay start(String app, String id, Signal<Kwargs> ping, PostgresRelay transport) {
        return start(app, id, ping, transport, Duration.ofHours(1));
    }

    private Relay start(String app, String id, Signal<Kwargs> ping, PostgresRelay transport, Duration retention) {
        Relay relay = Relay.builder(app).instanceId(id).relay(ping, KWARGS).transport(transport).retention(retention)
                .start();
        toClose.add(relay);
        return relay;
    }

    @Test
    void aSendReachesTheOtherInstanceThroughTheOutboxWithItsHeadersAndBody() throws Exception {
        Relay a = start("plain", "a", pingA, transport("plain-a"));
        Relay b = start("plain", "b", pingB, transport("plain-b"));
        try (Connection listener = Pg.connect()) {
            try (Statement listen = listener.createStatement()) {
                listen.execute("listen \"" + pg.prefix.replace('.', '_') + "outbox\"");
            }
            pingA.send("checkout", Kwargs.of("n", 1L));
            await(() -> heardByB.equals(List.of(1L)), () -> "b heard " + heardByB);
            PGNotification[] woken = listener.unwrap(PGConnection.class).getNotifications(5_000);
            assertNotNull(woken, "no NOTIFY after the publish");
            assertEquals("plain", woken[0].getParameter(), "the NOTIFY names the application");
        }
        try (Connection connection = Pg.connect(); Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("select application, instance, headers, body, xid::text::bigint > 0,"
                     + " created <= now() from " + pg.prefix + "outbox where application = 'plain'")) {
            assertTrue(row.next());
            assertEquals("plain", row.getString(1));
            assertEquals("a", row.getString(2));
            Map<String, String> headers = Tables.headers(row.getString(3));
            assertEquals(List.of("Signals-Version", "Signals-Signal", "Signals-Instance", "Signals-Id", "Signals-Sender",
                    "Signals-Sent-At"), new ArrayList<>(headers.keySet()));
            assertEquals("checkout", headers.get("Signals-Sender"));
            assertEquals(Kwargs.of("n", 1L), KWARGS.decode(row.getBytes(4)));
            assertTrue(row.getBoolean(5) && row.getBoolean(6));
            assertFalse(row.next(), "one row per send");
        }
        await(() -> a.state().relayed() == 1 && b.state().received() == 1, () -> a + " / " + b);
        assertEquals(0, b.state().behind(), "b has read everything");
        assertEquals(0, a.state().received(), "a never hears its own send through the outbox");
    }

    @Test
    void malformedRowsAreLoggedCountedAndSkippedAndTheConsumerGoesOn() throws Exception {
        Relay b = start("malformed", "b", pingB, transport("malformed-b"));
        insertByHand("malformed", "x", List.of(
                row(headers("ping", "x-1", "1"), KWARGS.encode(Kwargs.of("n", 1L))),
                row("garbage without any header", KWARGS.encode(Kwargs.of("n", 2L))),
                row(headers("pong", "x-3", "1"), KWARGS.encode(Kwargs.of("n", 3L))),
                row(headers("ping", "x-4", "2"), KWARGS.encode(Kwargs.of("n", 4L))),
                row(headers("ping", "x-5", "1"), new byte[] {9, 9, 9}),
                row(headers("ping", "x-6", "1"), KWARGS.encode(Kwargs.of("n", 6L)))));
        await(() -> heardByB.size() == 2 && b.state().skipped() == 4, () -> "b heard " + heardByB + ", " + b);
        assertEquals(List.of(1L, 6L), heardByB);
        String text = String.join("\n", log.lines());
        assertTrue(text.contains("skipped message without id"), text);
        assertTrue(text.contains("signal 'pong' is not relayed"), text);
        assertTrue(text.contains("wire version 2"), text);
        assertTrue(text.contains("the codec of signal 'ping' cannot read its 3 bytes"), text);
        assertEquals(1, Pg.queryLong("select count(*) from " + pg.prefix + "positions where application = 'malformed'"
                + " and instance = 'b' and last_id = (select max(id) from " + pg.prefix + "outbox)"),
                "b's position is past every row, the skipped ones included");
    }

    @Test
    void aNewInstanceStartsAtTheEndAndARestartedOneResumesFromItsPosition() throws Exception {
        insertByHand("resume", "x", List.of(row(headers("ping", "x-1", "1"), KWARGS.encode(Kwargs.of("n", 1L)))));
        Relay b = start("resume", "b", pingB, transport("resume-b"));
        insertByHand("resume", "x", List.of(row(headers("ping", "x-2", "1"), KWARGS.encode(Kwargs.of("n", 2L)))));
        await(() -> heardByB.equals(List.of(2L)), () -> "b heard " + heardByB);
        b.close();
        insertByHand("resume", "x", List.of(row(headers("ping", "x-3", "1"), KWARGS.encode(Kwargs.of("n", 3L))),
                row(headers("ping", "x-4", "1"), KWARGS.encode(Kwargs.of("n", 4L)))));
        start("resume", "b", pingB, transport("resume-b"));
        await(() -> heardByB.equals(List.of(2L, 3L, 4L)), () -> "b heard " + heardByB);
    }

    @Test
    void whileABatchIsDeliveredBehindCountsTheRowsLeft() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Signal<Kwargs> slow = Signal.withArguments("ping", "n");
        toClose.add(slow.connect(Remote.only((signal, remote, ping) -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })));
        Relay b = start("behind", "b", slow, transport("behind-b"));
        List<HandRow> rows = new ArrayList<>();
        for (long n = 1; n <= 300; n++) {
            rows.add(row(headers("ping", "x-" + n, "1"), KWARGS.encode(Kwargs.of("n", n))));
        }
        insertByHand("behind", "x", rows);
        await(() -> b.state().behind() == 300, () -> "behind " + b.state().behind());
        release.countDown();
        await(() -> b.state().received() == 300, b::toString);
        await(() -> b.state().behind() == 0, b::toString); // set once the batch's last row returns
    }

    @Test
    void retentionDeletesOldRowsAndAnInstanceBehindThemIsToldHowManyItMissed() throws Exception {
        Relay b = start("expiry", "b", pingB, transport("expiry-b"));
        b.close();
        insertByHand("expiry", "x", List.of(row(headers("ping", "x-1", "1"), KWARGS.encode(Kwargs.of("n", 1L))),
                row(headers("ping", "x-2", "1"), KWARGS.encode(Kwargs.of("n", 2L))),
                row(headers("ping", "x-3", "1"), KWARGS.encode(Kwargs.of("n", 3L)))));
        Pg.execute("update " + pg.prefix + "outbox set created = now() - interval '1 hour' where application = 'expiry'");
        insertByHand("expiry", "x", List.of(row(headers("ping", "x-4", "1"), KWARGS.encode(Kwargs.of("n", 4L)))));
        insertByHand("other", "x", List.of(row(headers("ping", "x-5", "1"), KWARGS.encode(Kwargs.of("n", 5L)))));
        Pg.execute("update " + pg.prefix + "outbox set created = now() - interval '1 hour' where application = 'other'");
        // a, up while b is down, deletes the expired rows and counts what b loses
        start("expiry", "a", pingA, transport("expiry-a"), Duration.ofSeconds(20));
        await(() -> Pg.queryLong("select count(*) from " + pg.prefix + "outbox where application = 'expiry'") == 1,
                () -> "rows left");
        assertEquals(1, Pg.queryLong("select count(*) from " + pg.prefix + "outbox where application = 'other'"),
                "another application's rows are its own instances' to delete");
        assertEquals(3, Pg.queryLong("select missed from " + pg.prefix + "positions where application = 'expiry'"
                + " and instance = 'b'"));
        start("expiry", "b", pingB, transport("expiry-b"), Duration.ofSeconds(20));
        await(() -> heardByB.equals(List.of(4L)), () -> "b heard " + heardByB);
        await(() -> log.lines().stream().anyMatch(line -> line.contains("missed 3 messages")),
                () -> "logged " + log.lines());
        assertEquals(0, Pg.queryLong("select missed from " + pg.prefix + "positions where application = 'expiry'"
                + " and instance = 'b'"), "told once");
    }

    @Test
    void whenEveryRowIsOlderThanTheRetentionEveryRowIsDeleted() throws Exception {
        insertByHand("aged", "x", List.of(row(headers("ping", "x-1", "1"), KWARGS.encode(Kwargs.of("n", 1L))),
                row(headers("ping", "x-2", "1"), KWARGS.encode(Kwargs.of("n", 2L)))));
        insertByHand("aged", "x", List.of(row(headers("ping", "x-3", "1"), KWARGS.encode(Kwargs.of("n", 3L)))));
        Pg.execute("update " + pg.prefix + "outbox set created = now() - interval '1 hour' where application = 'aged'");
        start("aged", "a", pingA, transport("aged-a"), Duration.ofSeconds(20));
        await(() -> Pg.queryLong("select count(*) from " + pg.prefix + "outbox where application = 'aged'") == 0,
                () -> "rows left");
    }

    @Test
    void connectionsEndedByTheServerAreReplacedAndDeliveryResumesFromThePosition() throws Exception {
        // A poll interval of a minute: within the test, only a NOTIFY wakes the reader, before the
        // connections end and after they were replaced (so the new one LISTENs).
        Relay b = start("ended", "b", pingB, transport("ended-b").withPollInterval(Duration.ofMinutes(1)));
        insertByHand("ended", "x", List.of(row(headers("ping", "x-1", "1"), KWARGS.encode(Kwargs.of("n", 1L)))));
        await(() -> heardByB.equals(List.of(1L)), () -> "b heard " + heardByB);
        pingB.send("first", Kwargs.of("n", 10L)); // opens the publishing connection
        await(() -> b.state().relayed() == 1, b::toString);
        assertEquals(2, Pg.terminate("ended-b"), "the listening and the publishing connection");
        await(() -> log.lines().stream().anyMatch(line -> line.contains("relay ended/b reads PostgreSQL")),
                () -> "logged " + log.lines());
        insertByHand("ended", "x", List.of(row(headers("ping", "x-2", "1"), KWARGS.encode(Kwargs.of("n", 2L)))));
        pingB.send("second", Kwargs.of("n", 11L));
        await(() -> heardByB.equals(List.of(1L, 2L)), () -> "b heard " + heardByB + "; logged " + log.lines());
        await(() -> b.state().relayed() == 2, b::toString);
        assertEquals(2, Pg.queryLong("select count(*) from " + pg.prefix + "outbox where application = 'ended'"
                + " and instance = 'b'"), "b's sends, once each");
        String text = String.join("\n", log.lines());
        assertTrue(text.contains("relay ended/b lost its connection to PostgreSQL"), text);
        assertTrue(text.contains("relay ended/b reads PostgreSQL"), text);
    }

    @Test
    void aBatchWhoseCommitFailedIsLookedUpAndWrittenAgainOnce() throws Exception {
        Pg.execute("create sequence " + pg.schema + ".attempts");
        Pg.execute("create function " + pg.schema + ".fail_once() returns trigger language plpgsql as $$ begin"
                + " if nextval('" + pg.schema + ".attempts') = 1 then raise exception 'refused at commit'; end if;"
                + " return null; end $$");
        Pg.execute("create constraint trigger fail_once after insert on " + pg.prefix + "outbox deferrable initially"
                + " deferred for each row when (new.application = 'uncertain') execute function " + pg.schema
                + ".fail_once()");
        try {
            Relay a = start("uncertain", "a", pingA, transport("uncertain-a"));
            pingA.send("once", Kwargs.of("n", 1L));
            await(() -> a.state().relayed() == 1, a::toString);
            assertEquals(1, Pg.queryLong("select count(*) from " + pg.prefix + "outbox where application = 'uncertain'"));
            assertEquals(2, Pg.queryLong("select last_value from " + pg.schema + ".attempts"), "the commit tried twice");
            assertTrue(log.lines().stream().anyMatch(line -> line.contains("cannot publish")
                    && line.contains("refused at commit")), () -> "logged " + log.lines());
        } finally {
            Pg.execute("drop trigger fail_once on " + pg.prefix + "outbox");
        }
    }

    @Test
    void aReaderDoesNotWaitForItsOwnInstancesPublishingTransaction() throws Exception {
        // a's publishing transaction stops at its commit, until the test lets go of a lock: its
        // transaction stays open on the server, older than b's, which commits meanwhile.
        Pg.execute("create function " + pg.schema + ".hold() returns trigger language plpgsql as $$ begin"
                + " perform pg_advisory_xact_lock_shared(7125); return null; end $$");
        Pg.execute("create constraint trigger hold after insert on " + pg.prefix + "outbox deferrable initially"
                + " deferred for each row when (new.application = 'own' and new.instance = 'a') execute function "
                + pg.schema + ".hold()");
        List<Long> heardByA = Collections.synchronizedList(new ArrayList<>());
        toClose.add(pingA.connect(Remote.only((signal, remote, ping) -> heardByA.add(ping.get("n", Long.class)))));
        try (Connection holder = Pg.connect()) {
            Relay a = start("own", "a", pingA, transport("own-a"));
            start("own", "b", pingB, transport("own-b"));
            try (Statement lock = holder.createStatement()) {
                lock.execute("select pg_advisory_lock(7125)");
            }
            pingA.send("held", Kwargs.of("n", 1L));
            await(() -> Pg.queryLong("select count(*) from pg_locks where locktype = 'advisory' and not granted") == 1,
                    () -> "a's commit is not waiting");

            pingB.send("meanwhile", Kwargs.of("n", 2L));
            await(() -> heardByA.equals(List.of(2L)), () -> "a heard " + heardByA + " while its own commit waited");
            assertEquals(0, a.state().relayed(), "a's transaction is still open");
            assertEquals(List.of(), heardByB, "b cannot read a's row before its commit");

            try (Statement unlock = holder.createStatement()) {
                unlock.execute("select pg_advisory_unlock(7125)");
            }
            await(() -> heardByB.equals(List.of(1L)), () -> "b heard " + heardByB);
            await(() -> a.state().relayed() == 1, a::toString);
        } finally {
            Pg.execute("drop trigger hold on " + pg.prefix + "outbox");
        }
    }

    @Test
    void closeReturnsEveryConnectionToThePoolAndLeavesNoThread() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSource(Pg.dataSource("pooled"));
        config.setMaximumPoolSize(4);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Relay a = start("pool", "a", pingA, PostgresRelay.dataSource(pool).withTablePrefix(pg.prefix)
                    .withPollInterval(Duration.ofMinutes(10)));
            pingA.send("pooled", Kwargs.of("n", 1L));
            await(() -> a.state().relayed() == 1, a::toString);
            assertEquals(2, pool.getHikariPoolMXBean().getActiveConnections(), "listening and publishing");
            assertTrue(a.toString().contains("over PostgreSQL " + Pg.SERVER.substring("jdbc:postgresql://".length())
                    + ", table " + pg.prefix + "outbox"), "the pool's address, learnt from its connection: " + a);
            long started = System.nanoTime();
            a.close();
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "close waited for the poll interval");
            assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections(), "connections still taken");
        }
        assertEquals(List.of(), relayThreads(), "threads left");
    }

    @Test
    void aMessageOverTheLimitFailsTheSendNamingTheSignal() {
        start("large", "a", pingA, transport("large-a").withMaxMessageBytes(1024));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pingA.send("big", Kwargs.of("n", "x".repeat(2_000))));
        assertTrue(e.getMessage().contains("signal 'ping' was not relayed") && e.getMessage().contains("1024"),
                e.getMessage());
    }

    @Test
    void theOptionsAreCheckedWithClearErrors() {
        assertThrows(NullPointerException.class, () -> PostgresRelay.dataSource(null));
        assertThrows(NullPointerException.class, () -> PostgresRelay.url(null));
        assertMessage(IllegalArgumentException.class, () -> PostgresRelay.url("postgres://h/db?password=secret"),
                "'postgres://h/db?...' is not a PostgreSQL JDBC URL");
        assertMessage(IllegalArgumentException.class, () -> PostgresRelay.url("jdbc:postgresql://h:notaport/db"),
                "pgjdbc cannot read the URL");
        PostgresRelay relay = PostgresRelay.url("jdbc:postgresql://db-1:5433/shop?user=app&password=secret");
        assertEquals("PostgreSQL db-1:5433/shop, table signals_relay_outbox", relay.description());
        assertEquals(relay.description(), relay.toString());
        assertEquals("PostgreSQL db-1:5432/shop, table signals_relay_outbox",
                PostgresRelay.url("jdbc:postgresql://db-1/shop").description());
        assertEquals("signals_relay_", relay.tablePrefix());
        assertEquals(Duration.ofSeconds(1), relay.pollInterval());
        assertEquals(1 << 20, relay.maxMessageBytes());
        assertEquals("PostgreSQL db-1:5433/shop, table shop.relay_outbox", relay.withTablePrefix("shop.relay_").description());
        for (String bad : new String[] {"Relay_", "1relay", "a-b", "shop.", "a.b.c", "x".repeat(31), ""}) {
            assertMessage(IllegalArgumentException.class, () -> relay.withTablePrefix(bad), "table prefix '" + bad + "'");
        }
        assertThrows(NullPointerException.class, () -> relay.withTablePrefix(null));
        assertEquals("x".repeat(30) + "." + "y".repeat(30), relay.withTablePrefix("x".repeat(30) + "." + "y".repeat(30))
                .tablePrefix());
        assertEquals(Duration.ofMillis(10), relay.withPollInterval(Duration.ofMillis(10)).pollInterval());
        assertEquals(Duration.ofMinutes(10), relay.withPollInterval(Duration.ofMinutes(10)).pollInterval());
        assertMessage(IllegalArgumentException.class, () -> relay.withPollInterval(Duration.ofMillis(9)),
                "pollInterval must be 10 ms to 10 minutes, not PT0.009S");
        assertMessage(IllegalArgumentException.class, () -> relay.withPollInterval(Duration.ofMinutes(10).plusMillis(1)),
                "pollInterval must be");
        assertThrows(NullPointerException.class, () -> relay.withPollInterval(null));
        assertEquals(1024, relay.withMaxMessageBytes(1024).maxMessageBytes());
        assertEquals(64 << 20, relay.withMaxMessageBytes(64 << 20).maxMessageBytes());
        assertMessage(IllegalArgumentException.class, () -> relay.withMaxMessageBytes(1023),
                "maxMessageBytes must be 1024 to 67108864, not 1023");
        assertMessage(IllegalArgumentException.class, () -> relay.withMaxMessageBytes((64 << 20) + 1), "maxMessageBytes");
        assertThrows(NullPointerException.class, () -> relay.open(null));
    }

    @Test
    void anUnreachableDatabaseFailsTheStartNamingIt() {
        PostgresRelay nowhere = PostgresRelay.url("jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Relay.builder("nowhere").instanceId("a").relay(pingA, KWARGS).transport(nowhere).start());
        assertTrue(e.getMessage().startsWith("relay nowhere/a cannot start: PostgreSQL 127.0.0.1:1/nowhere, table"
                + " signals_relay_outbox: cannot connect: "), e.getMessage());
        assertEquals(1, e.getMessage().split("127.0.0.1:1/nowhere", -1).length - 1, "named once: " + e.getMessage());
    }

    @Test
    void tablesThatCannotBeCreatedFailTheStartNamingThem() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> start("noschema", "a", pingA,
                transport("noschema-a").withTablePrefix("no_such_schema_here.r_")));
        assertTrue(e.getMessage().endsWith("cannot set up the tables no_such_schema_here.r_outbox and"
                + " no_such_schema_here.r_positions: ERROR: schema \"no_such_schema_here\" does not exist; create the"
                + " schema, or choose another with withTablePrefix"), e.getMessage());
        assertEquals(0, Pg.connections("noschema-a"), "the connection was given back");
    }

    @Test
    void theTablesAreCreatedAsTheReadmeShowsThem() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        for (String statement : new Tables(PostgresRelay.DEFAULT_PREFIX).ddl()) {
            assertTrue(readme.contains(statement + ";"), "README.md lacks:\n" + statement);
        }
        start("tables", "a", pingA, transport("tables-a"));
        assertEquals(2, Pg.queryLong("select count(*) from pg_tables where schemaname = ? and tablename in"
                + " ('r_outbox', 'r_positions')", pg.schema));
        // One index on the outbox, so that each row inserted updates one: the readers' order.
        assertEquals(1, Pg.queryLong("select count(*) from pg_indexes where schemaname = ? and tablename = 'r_outbox'",
                pg.schema));
        assertEquals(1, Pg.queryLong("select count(*) from pg_indexes where schemaname = ? and tablename = 'r_outbox'"
                + " and indexdef like '%(application, xid, id)'", pg.schema));
    }

    @Test
    void theInstalledTransportReadsTheUrlProperty() {
        String before = System.getProperty(PostgresRelay.URL_PROPERTY);
        try {
            System.clearProperty(PostgresRelay.URL_PROPERTY);
            if (System.getenv(PostgresRelay.URL_VARIABLE) == null) {
                assertMessage(IllegalStateException.class, PostgresRelay::fromEnvironment,
                        "set the system property signals.relay.postgresql.url");
                UncheckedIOException e = assertThrows(UncheckedIOException.class,
                        () -> Relay.builder("installed").instanceId("a").relay(pingA, KWARGS).start());
                assertTrue(e.getMessage().contains("cannot start: PostgreSQL (no signals.relay.postgresql.url): no"
                        + " PostgreSQL database for the relay: set the system property"), e.getMessage());
                assertEquals(1, e.getMessage().split("no PostgreSQL database", -1).length - 1, e.getMessage());
            }
            System.setProperty(PostgresRelay.URL_PROPERTY, Pg.url() + "&password=secret");
            Relay relay = Relay.builder("installed").instanceId("a").relay(pingA, KWARGS).start();
            toClose.add(relay);
            assertTrue(relay.toString().contains("over PostgreSQL " + Pg.SERVER.substring("jdbc:postgresql://".length())
                    + ", table signals_relay_outbox"), relay.toString());
            assertFalse(relay.toString().contains("secret"), relay.toString());
        } finally {
            if (before == null) {
                System.clearProperty(PostgresRelay.URL_PROPERTY);
            } else {
                System.setProperty(PostgresRelay.URL_PROPERTY, before);
            }
        }
    }

    static List<String> relayThreads() {
        List<String> names = new ArrayList<>();
        Thread.getAllStackTraces().keySet().forEach(thread -> {
            if (thread.getName().startsWith("signals-relay")) {
                names.add(thread.getName());
            }
        });
        return names;
    }

    static String headers(String signal, String id, String version) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Signals-Version", version);
        headers.put("Signals-Signal", signal);
        headers.put("Signals-Instance", id.substring(0, id.indexOf('-')));
        headers.put("Signals-Id", id);
        headers.put("Signals-Sender", "by hand");
        headers.put("Signals-Sent-At", "2026-12-07T01:02:03.456Z");
        return Tables.headers(headers);
    }

    static HandRow row(String headers, byte[] body) {
        return new HandRow(headers, body);
    }

    /** A row inserted by hand. */
    record HandRow(String headers, byte[] body) {
    }

    /** Inserts rows as another instance would, in one transaction with a NOTIFY. */
    void insertByHand(String app, String instance, List<HandRow> rows) throws Exception {
        try (Connection connection = Pg.connect();
             PreparedStatement insert = connection.prepareStatement("insert into " + pg.prefix + "outbox"
                     + " (application, instance, headers, body) values (?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (HandRow row : rows) {
                insert.setString(1, app);
                insert.setString(2, instance);
                insert.setString(3, row.headers());
                insert.setBytes(4, row.body());
                insert.addBatch();
            }
            insert.executeBatch();
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, pg.prefix.replace('.', '_') + "outbox");
                notify.setString(2, app);
                notify.executeQuery().close();
            }
            connection.commit();
        }
    }

    static <T extends Throwable> void assertMessage(Class<T> type, org.junit.jupiter.api.function.Executable call,
            String part) {
        T e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' lacks '" + part + "'");
    }

    static void await(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(20);
        }
    }
}
