package signals.relay.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.phase;
import static signals.core.TransactionPhase.BEFORE_COMMIT;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import signals.core.Kwargs;
import signals.core.Signal;
import signals.core.SignalConnection;
import signals.core.Transactions;
import signals.relay.Relay;
import signals.relay.RelayCodec;
import signals.relay.Remote;
import signals.relay.testkit.HandTransactions;
import signals.relay.testkit.LogCapture;

/**
 * The outbox written in the sending transaction, on the class path only, where the test
 * resources register the JDBC transaction host by hand and signals.jpa registers Hibernate's: a
 * committed send's row is written by the transaction's own connection and seen by others only
 * after the commit; a rolled-back one leaves nothing; a failed write fails the send and the
 * transaction; a transaction on another database is relayed after its commit.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class TransactionTests {

    @RegisterExtension
    static final Pg pg = Pg.schemaWithBusinessTable();

    private final Signal<Kwargs> ping = Signal.withArguments("ping", "n");
    // signals.relay.postgresql logs through its parent signals.relay.
    @RegisterExtension
    final LogCapture log = LogCapture.withLevels("signals.relay");
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void onTheClassPath() {
        Assumptions.assumeFalse(TransactionTests.class.getModule().isNamed(), "the pom runs these tests in the"
                + " class-path execution only: on the module path they do not read Hibernate's jakarta.persistence");
    }

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(toClose);
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private Relay start(String app, String id) {
        Relay relay = Relay.builder(app).instanceId(id).relay(ping, RelayCodec.kwargs())
                .transport(PostgresRelay.dataSource(Pg.dataSource(app + "-" + id)).withTablePrefix(pg.prefix)
                        .withPollInterval(Duration.ofMillis(100)))
                .start();
        toClose.add(relay);
        return relay;
    }

    private long outbox(String app) {
        return Pg.queryLong("select count(*) from " + pg.prefix + "outbox where application = ?", app);
    }

    private static long business(long n) {
        return Pg.queryLong("select count(*) from " + pg.prefix + "business where n = ?", n);
    }

    private static void insertBusiness(Connection connection, long n) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + pg.prefix + "business (n) values (?)")) {
            insert.setLong(1, n);
            insert.executeUpdate();
        }
    }

    @Test
    void aCommittedSendIsWrittenByTheTransactionsConnectionAndOthersWokenAfterTheCommit() throws Exception {
        Relay relay = start("commit", "a");
        try (Connection connection = Pg.connect(); Connection listener = Pg.connect()) {
            try (Statement listen = listener.createStatement()) {
                listen.execute("listen \"" + pg.prefix.replace('.', '_') + "outbox\"");
            }
            HandTransactions.Tx tx = HandTransactions.begin(connection);
            insertBusiness(connection, 1);
            ping.send("checkout", Kwargs.of("n", 1L));
            ping.send("checkout", Kwargs.of("n", 2L));
            try (Statement query = connection.createStatement();
                 ResultSet rows = query.executeQuery("select count(*), bool_and(xid = pg_current_xact_id()) from "
                         + pg.prefix + "outbox where application = 'commit'")) {
                rows.next();
                assertEquals(2, rows.getLong(1), "rows seen inside the transaction");
                assertTrue(rows.getBoolean(2), "written by the transaction itself");
            }
            assertEquals(0, outbox("commit"), "rows seen outside before the commit");
            assertEquals(0, listener.unwrap(PGConnection.class).getNotifications(300).length, "a NOTIFY before the commit");
            assertEquals(0, relay.state().relayed());
            tx.commit();
            assertEquals(2, outbox("commit"));
            assertEquals(1, business(1));
            assertEquals(2, relay.state().relayed(), "counted at the commit");
            assertEquals(0, relay.state().waiting(), "nothing queued for the publishing thread");
            assertEquals("commit", listener.unwrap(PGConnection.class).getNotifications(5_000)[0].getParameter(),
                    "a NOTIFY after the commit, naming the application");
        }
    }

    @Test
    void aRolledBackSendLeavesNoRowAndRelaysNothing() throws Exception {
        Relay relay = start("rollback", "a");
        try (Connection connection = Pg.connect()) {
            HandTransactions.Tx tx = HandTransactions.begin(connection);
            insertBusiness(connection, 2);
            ping.send("checkout", Kwargs.of("n", 1L));
            tx.rollback();
        }
        assertEquals(0, outbox("rollback"));
        assertEquals(0, business(2));
        Thread.sleep(300);
        assertEquals(0, outbox("rollback"), "nothing written afterwards either");
        assertEquals(0, relay.state().relayed() + relay.state().waiting());
    }

    @Test
    void aFailedOutboxWriteFailsTheSendNamingTheSignalAndTheTableAndTheTransactionCannotCommit() throws Exception {
        Relay relay = start("refused", "a");
        Pg.execute("create function " + pg.schema + ".refuse() returns trigger language plpgsql as"
                + " $$ begin raise exception 'outbox refused by a trigger'; end $$");
        Pg.execute("create trigger refuse before insert on " + pg.prefix + "outbox for each row when"
                + " (new.application = 'refused') execute function " + pg.schema + ".refuse()");
        try (Connection connection = Pg.connect()) {
            HandTransactions.Tx tx = HandTransactions.begin(connection);
            insertBusiness(connection, 3);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ping.send("checkout", Kwargs.of("n", 1L)));
            assertTrue(e.getMessage().contains("signal 'ping' was not relayed by relay refused/a: writing it in the"
                    + " sending transaction failed: cannot write to PostgreSQL") && e.getMessage().contains(
                    "table " + pg.prefix + "outbox") && e.getMessage().contains("outbox refused by a trigger"),
                    e.getMessage());
            // PostgreSQL aborted the transaction at the failed INSERT: its COMMIT is a ROLLBACK (which
            // pgjdbc reports only with raiseExceptionOnSilentRollback=true).
            tx.commit();
            assertEquals(0, business(3), "the business row went with it");
            assertEquals(0, outbox("refused"));
            assertEquals(1, relay.state().dropped());
            // Outside a transaction the relay's thread publishes, and retries while refused.
            ping.send("later", Kwargs.of("n", 2L));
            PostgresRelayTests.await(() -> log.lines().stream().anyMatch(line -> line.contains("cannot publish")),
                    () -> "logged " + log.lines());
            String warning = log.lines().stream().filter(line -> line.contains("cannot publish")).findFirst()
                    .orElseThrow();
            assertTrue(warning.contains("cannot write 1 messages to PostgreSQL") && warning.contains(
                    "outbox refused by a trigger") && !warning.contains("Batch entry"), warning);
        } finally {
            Pg.execute("drop trigger refuse on " + pg.prefix + "outbox");
        }
        PostgresRelayTests.await(() -> relay.state().relayed() == 1, relay::toString);
        assertEquals(1, outbox("refused"), "the later send, once the trigger is gone");
    }

    @Test
    void aTransactionOnAnotherDatabaseIsRelayedAfterItsCommitWithAWarning() throws Exception {
        Relay relay = start("elsewhere", "a");
        PGSimpleDataSource other = Pg.dataSource("elsewhere");
        other.setDatabaseName("postgres");
        try (Connection connection = other.getConnection()) {
            HandTransactions.Tx tx = HandTransactions.begin(connection);
            ping.send("checkout", Kwargs.of("n", 1L));
            ping.send("checkout", Kwargs.of("n", 2L));
            assertEquals(0, outbox("elsewhere"), "nothing before the commit");
            tx.commit();
        }
        PostgresRelayTests.await(() -> outbox("elsewhere") == 2, () -> "rows after the commit");
        PostgresRelayTests.await(() -> relay.state().relayed() == 2, relay::toString);
        List<String> warnings = new ArrayList<>(log.lines());
        warnings.removeIf(line -> !line.contains("reaches database postgres started"));
        assertEquals(1, warnings.size(), "one warning per connection: " + log.lines());
        assertTrue(warnings.get(0).contains("not the outbox's (" + Pg.SERVER.substring(Pg.SERVER.lastIndexOf('/') + 1)
                + " started"), warnings.get(0));
    }

    @Test
    void aTransactionOnAConnectionThatIsNotPostgresqlsIsRelayedAfterItsCommitWithOneWarning() throws Exception {
        Relay relay = start("disguised", "a");
        try (Connection real = Pg.connect()) {
            // A stub only to hide what the connection is, as a driver other than pgjdbc would.
            Connection disguised = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("isWrapperFor")) {
                            return false;
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            HandTransactions.Tx tx = HandTransactions.begin(disguised);
            ping.send("checkout", Kwargs.of("n", 1L));
            ping.send("checkout", Kwargs.of("n", 2L));
            ping.send("checkout", Kwargs.of("n", 3L));
            assertEquals(0, outbox("disguised"), "nothing before the commit");
            try (Statement query = real.createStatement();
                 ResultSet rows = query.executeQuery("select count(*) from " + pg.prefix
                         + "outbox where application = 'disguised'")) {
                rows.next();
                assertEquals(0, rows.getLong(1), "nothing written by the transaction itself either");
            }
            tx.commit();
        }
        PostgresRelayTests.await(() -> outbox("disguised") == 3, () -> "rows after the commit");
        PostgresRelayTests.await(() -> relay.state().relayed() == 3, relay::toString);
        List<String> warnings = new ArrayList<>(log.lines());
        warnings.removeIf(line -> !line.contains("it is not a PostgreSQL connection"));
        assertEquals(1, warnings.size(), "one warning per connection: " + log.lines());
    }

    @Test
    void aCommitAfterAPublishOfTheRelaysOwnWakesTheOthersAtOnce() throws Exception {
        List<Long> heard = Collections.synchronizedList(new ArrayList<>());
        Signal<Kwargs> pingB = Signal.withArguments("ping", "n");
        toClose.add(pingB.connect(Remote.only((signal, remote, payload) -> heard.add(payload.get("n", Long.class)))));
        // Read only when woken: a poll would find the rows without the NOTIFY.
        toClose.add(Relay.builder("woken").instanceId("b").relay(pingB, RelayCodec.kwargs())
                .transport(PostgresRelay.dataSource(Pg.dataSource("woken-b")).withTablePrefix(pg.prefix)
                        .withPollInterval(Duration.ofMinutes(5)))
                .start());
        start("woken", "a");
        ping.send("outside", Kwargs.of("n", 1L)); // written by the relay's thread on its own connection
        PostgresRelayTests.await(() -> heard.equals(List.of(1L)), () -> "heard " + heard);
        try (Connection connection = Pg.connect()) {
            HandTransactions.Tx tx = HandTransactions.begin(connection);
            ping.send("inside", Kwargs.of("n", 2L));
            tx.commit();
        }
        // The NOTIFY after this commit goes through the connection the relay's thread left, and
        // must not wait in a transaction there.
        PostgresRelayTests.await(() -> heard.equals(List.of(1L, 2L)), () -> "heard " + heard);
    }

    @Test
    void aHibernateTransactionWritesTheOutboxRowInItsConnection() throws Exception {
        Relay relay = start("hibernate", "a");
        Configuration configuration = new Configuration();
        configuration.getProperties().put("hibernate.connection.datasource", Pg.dataSource("hibernate-app"));
        configuration.setProperty("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
        try (SessionFactory factory = configuration.buildSessionFactory()) {
            try (Session session = factory.openSession()) {
                Transaction tx = session.beginTransaction();
                session.createNativeMutationQuery("insert into " + pg.prefix + "business (n) values (10)").executeUpdate();
                ping.send("checkout", Kwargs.of("n", 10L));
                assertTrue(Transactions.resource(Connection.class).isPresent(), "Hibernate's transaction gives its connection");
                assertEquals(1L, ((Number) session.createNativeQuery("select count(*) from " + pg.prefix
                        + "outbox where application = 'hibernate' and xid = pg_current_xact_id()", Long.class)
                        .getSingleResult()).longValue(), "the row, written by Hibernate's transaction");
                assertEquals(0, outbox("hibernate"), "not seen outside before the commit");
                tx.commit();
            }
            assertEquals(1, outbox("hibernate"));
            assertEquals(1, business(10));
            assertEquals(1, relay.state().relayed());

            try (Session session = factory.openSession()) {
                Transaction tx = session.beginTransaction();
                session.createNativeMutationQuery("insert into " + pg.prefix + "business (n) values (11)").executeUpdate();
                ping.send("checkout", Kwargs.of("n", 11L));
                tx.rollback();
            }
            assertEquals(1, outbox("hibernate"), "nothing from the rolled-back transaction");
            assertEquals(0, business(11));

            SignalConnection failing = ping.connect((signal, sender, payload) -> {
                throw new IllegalStateException("refused before the commit");
            }, phase(BEFORE_COMMIT));
            toClose.add(failing::disconnect);
            try (Session session = factory.openSession()) {
                Transaction tx = session.beginTransaction();
                session.createNativeMutationQuery("insert into " + pg.prefix + "business (n) values (12)").executeUpdate();
                ping.send("checkout", Kwargs.of("n", 12L));
                RuntimeException e = assertThrows(RuntimeException.class, tx::commit);
                assertTrue(String.valueOf(e).contains("refused before the commit")
                        || String.valueOf(e.getCause()).contains("refused before the commit"), String.valueOf(e));
            }
            assertEquals(1, outbox("hibernate"), "the outbox row rolled back with the before-commit failure");
            assertEquals(0, business(12), "and the business row");
            assertEquals(1, relay.state().relayed());
        }
    }
}
