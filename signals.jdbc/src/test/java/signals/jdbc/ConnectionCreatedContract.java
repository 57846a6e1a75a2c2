package signals.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.sender;
import static signals.jdbc.ConnectionSignals.CONNECTION_CREATED;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import signals.core.ConnectOption;
import signals.core.Receiver;

/**
 * Every behaviour of connection_created, run against each real database by the subclasses: the
 * DataSource wrapper and the jdbc:signals: driver, alone and behind HikariCP.
 */
abstract class ConnectionCreatedContract {

    static final String AUCKLAND = "Pacific/Auckland";

    Database db;
    String alias;
    private final List<signals.core.SignalConnection> receivers = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    abstract Database openDatabase() throws SQLException;

    @BeforeEach
    void openTheDatabase() throws SQLException {
        db = openDatabase();
        alias = "orders-" + db.name;
    }

    @AfterEach
    void disconnectReceiversAndCloseEverything() throws Exception {
        receivers.forEach(signals.core.SignalConnection::disconnect);
        Collections.reverse(resources);
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        if (db != null) {   // null when the test was skipped before the database opened
            db.close();
        }
    }

    // ------------------------------------------------------------------------ session settings

    @Test
    void receiverSettingHoldsForLaterCheckoutsThroughPoolInFrontOfWrapper() throws SQLException {
        connect((signal, sender, created) -> Database.execute(created.connection(), db.setTimeZone(AUCKLAND)),
                sender(alias));
        HikariDataSource pool = pool(new SignalsDataSource(db.vendorDataSource(), alias), 2);

        assertEveryCheckoutIsInAuckland(pool);
    }

    @Test
    void receiverSettingHoldsForLaterCheckoutsThroughPoolOnPrefixedUrl() throws SQLException {
        connect((signal, sender, created) -> Database.execute(created.connection(), db.setTimeZone(AUCKLAND)),
                sender(alias));
        HikariConfig config = config(2);
        config.setJdbcUrl(db.prefixedUrl());
        config.setUsername(db.user());
        config.setPassword(Database.PASSWORD);
        config.addDataSourceProperty(SignalsDriver.ALIAS_PROPERTY, alias);
        HikariDataSource pool = keep(new HikariDataSource(config));

        assertEveryCheckoutIsInAuckland(pool);
    }

    @Test
    void wrapperConfiguredByClassNameAndPropertiesWorksAsHikariDataSource() throws SQLException {
        connect((signal, sender, created) -> Database.execute(created.connection(), db.setTimeZone(AUCKLAND)),
                sender(alias));
        HikariConfig config = config(2);
        config.setDataSourceClassName(SignalsDataSource.class.getName());
        config.addDataSourceProperty("url", db.url());
        config.addDataSourceProperty("user", db.user());
        config.addDataSourceProperty("password", Database.PASSWORD);
        config.addDataSourceProperty("alias", alias);
        HikariDataSource pool = keep(new HikariDataSource(config));

        assertEveryCheckoutIsInAuckland(pool);
        assertEquals(alias, pool.unwrap(SignalsDataSource.class).getAlias());
    }

    // ------------------------------------------------------------ once per physical connection

    @Test
    void poolOfThreeFiresThreeSignalsForHundredCheckoutsThroughWrapper() throws Exception {
        List<Connection> announced = recordAnnounced();
        HikariDataSource pool = pool(new SignalsDataSource(db.vendorDataSource(), alias), 3);

        assertThreeAnnouncedForHundredCheckouts(pool, announced);
    }

    @Test
    void poolOfThreeFiresThreeSignalsForHundredCheckoutsThroughPrefixedUrl() throws Exception {
        List<Connection> announced = recordAnnounced();
        HikariConfig config = config(3);
        config.setJdbcUrl(db.prefixedUrl());
        config.setUsername(db.user());
        config.setPassword(Database.PASSWORD);
        config.addDataSourceProperty(SignalsDriver.ALIAS_PROPERTY, alias);
        HikariDataSource pool = keep(new HikariDataSource(config));

        assertThreeAnnouncedForHundredCheckouts(pool, announced);
    }

    // ------------------------------------------------------------------------ failing receivers

    // README: a pool wraps the SQLException once more, so the receiver's exception is two causes deep.
    @Test
    void throwingReceiverBehindHikariIsTwoCausesDeep() {
        IllegalStateException thrown = new IllegalStateException("refused by receiver");
        connect((signal, sender, created) -> {
            throw thrown;
        }, sender(alias));

        Exception e = assertThrows(Exception.class,
                () -> pool(new SignalsDataSource(db.vendorDataSource(), alias), 1));

        SQLException announced = assertInstanceOf(SQLException.class, e.getCause(), e::toString);
        assertTrue(announced.getMessage().contains("of signal 'connection_created' threw"), announced.getMessage());
        assertSame(thrown, announced.getCause());
    }

    @Test
    void throwingReceiverClosesTheNewConnectionFromWrapper() throws Exception {
        DataSource dataSource = new SignalsDataSource(db.vendorDataSource(), alias);
        assertThrowingReceiverClosesTheConnection(dataSource::getConnection);
    }

    @Test
    void throwingReceiverClosesTheNewConnectionFromPrefixedUrl() throws Exception {
        Properties info = db.credentials();
        info.setProperty(SignalsDriver.ALIAS_PROPERTY, alias);
        assertThrowingReceiverClosesTheConnection(() -> DriverManager.getConnection(db.prefixedUrl(), info));
    }

    @Test
    void checkedExceptionOfReceiverIsTheCauseItselfNotReceiverException() throws Exception {
        SQLException refusal = new SQLException("not this database", "42501");
        connect((signal, sender, created) -> {
            throw refusal;
        }, sender(alias));
        DataSource dataSource = new SignalsDataSource(db.vendorDataSource(), alias);

        SQLException failure = assertThrows(SQLException.class, dataSource::getConnection);

        assertSame(refusal, failure.getCause());
        assertEquals("42501", failure.getSQLState());
        assertTrue(failure.getMessage().contains(alias), failure.getMessage());
        db.awaitSessions(0);
    }

    @Test
    void errorOfReceiverPassesUnchangedAfterClosingTheConnection() throws Exception {
        AssertionError broken = new AssertionError("receiver bug");
        connect((signal, sender, created) -> {
            throw broken;
        }, sender(alias));
        DataSource dataSource = new SignalsDataSource(db.vendorDataSource(), alias);

        AssertionError thrown = assertThrows(AssertionError.class, dataSource::getConnection);

        assertSame(broken, thrown);
        db.awaitSessions(0);
    }

    // ------------------------------------------------------------------------------- payload

    @Test
    void applicationGetsTheDriversOwnConnectionFromBothWaysIn() throws SQLException {
        List<Connection> announced = recordAnnounced();
        Class<?> driversOwn;
        try (Connection plain = db.vendorDataSource().getConnection()) {
            driversOwn = plain.getClass();
        }
        Properties info = db.credentials();
        info.setProperty(SignalsDriver.ALIAS_PROPERTY, alias);
        try (Connection fromWrapper = new SignalsDataSource(db.vendorDataSource(), alias).getConnection();
             Connection fromDriver = DriverManager.getConnection(db.prefixedUrl(), info)) {
            assertSame(driversOwn, fromWrapper.getClass());
            assertSame(driversOwn, fromDriver.getClass());
            assertEquals(List.of(fromWrapper, fromDriver), announced);
        }
    }

    @Test
    void driverPayloadNamesTheUrlWithoutPasswordAndUsesItAsDefaultAlias() throws SQLException {
        List<ConnectionCreated> payloads = new CopyOnWriteArrayList<>();
        connect((signal, sender, created) -> {
            assertEquals(created.alias(), sender);
            payloads.add(created);
        });
        String url = SignalsDriver.PREFIX + db.urlWithPassword().substring("jdbc:".length());

        try (Connection connection = DriverManager.getConnection(url, db.user(), Database.PASSWORD)) {
            ConnectionCreated created = payloads.get(0);
            assertSame(connection, created.connection());
            assertFalse(created.url().contains(Database.PASSWORD), created.url());
            assertTrue(created.url().startsWith(db.url()), created.url());
            assertTrue(created.url().contains("***"), created.url());
            assertEquals(created.url(), created.alias());
        }
        assertEquals(1, payloads.size());
    }

    @Test
    void wrapperPayloadCarriesItsAliasAndNoUrlWhenWrappingDataSource() throws SQLException {
        List<ConnectionCreated> payloads = new CopyOnWriteArrayList<>();
        connect((signal, sender, created) -> payloads.add(created), sender(alias));
        SignalsDataSource fromUrl = new SignalsDataSource();
        fromUrl.setUrl(db.url());
        fromUrl.setUser(db.user());
        fromUrl.setPassword(Database.PASSWORD);
        fromUrl.setAlias(alias);

        try (Connection wrapped = new SignalsDataSource(db.vendorDataSource(), alias).getConnection();
             Connection opened = fromUrl.getConnection()) {
            assertEquals(List.of(new ConnectionCreated(wrapped, alias, null),
                    new ConnectionCreated(opened, alias, db.url())), payloads);
        }
    }

    @Test
    void senderFilterReachesOnlyReceiversOfThatAlias() throws SQLException {
        List<String> heard = new CopyOnWriteArrayList<>();
        connect((signal, sender, created) -> heard.add("orders hears " + created.alias()), sender(alias));
        connect((signal, sender, created) -> heard.add("billing hears " + created.alias()), sender("billing"));
        connect((signal, sender, created) -> heard.add("all hear " + created.alias()));

        try (Connection orders = new SignalsDataSource(db.vendorDataSource(), alias).getConnection();
             Connection billing = new SignalsDataSource(db.vendorDataSource(), "billing").getConnection()) {
            assertEquals(List.of("orders hears " + alias, "all hear " + alias,
                    "billing hears billing", "all hear billing"), heard);
        }
    }

    @Test
    void noReceiverMeansConnectionsOpenAsUsual() throws Exception {
        assertFalse(CONNECTION_CREATED.hasListeners(alias));
        try (Connection connection = new SignalsDataSource(db.vendorDataSource(), alias).getConnection()) {
            Database.execute(connection, "SELECT 1");
            db.awaitSessions(1);
        }
        db.awaitSessions(0);
    }

    // ------------------------------------------------------------------- DataSource pass-through

    @Test
    void unwrapReachesTheTargetDataSourceThroughWrapperAndPool() throws SQLException {
        DataSource target = db.vendorDataSource();
        SignalsDataSource wrapper = new SignalsDataSource(target, alias);
        Class<? extends DataSource> vendorType = target.getClass();

        assertSame(wrapper, wrapper.unwrap(SignalsDataSource.class));
        assertSame(target, wrapper.unwrap(vendorType));
        assertTrue(wrapper.isWrapperFor(vendorType));
        assertTrue(wrapper.isWrapperFor(DataSource.class));
        assertFalse(wrapper.isWrapperFor(java.sql.Driver.class));
        SQLException notAWrapper = assertThrows(SQLException.class, () -> wrapper.unwrap(java.sql.Driver.class));
        assertTrue(notAWrapper.getMessage().contains("Driver"), notAWrapper.getMessage());

        HikariDataSource pool = pool(wrapper, 1);
        assertSame(target, pool.unwrap(vendorType));
        try (Connection pooled = pool.getConnection();
             Connection plain = target.getConnection()) {
            assertSame(plain.getClass(), pooled.unwrap(Connection.class).getClass());
        }
    }

    @Test
    void otherDataSourceMethodsPassThroughToTheTarget() throws SQLException {
        DataSource target = db.vendorDataSource();
        SignalsDataSource wrapper = new SignalsDataSource(target, alias);
        PrintWriter log = new PrintWriter(new StringWriter());

        wrapper.setLoginTimeout(7);
        wrapper.setLogWriter(log);

        assertEquals(7, target.getLoginTimeout());
        assertEquals(7, wrapper.getLoginTimeout());
        // PostgreSQL's DataSource ignores log writers, H2's keeps them: the wrapper says what the target says.
        assertSame(target.getLogWriter(), wrapper.getLogWriter());
        target.setLogWriter(null);
        assertNull(wrapper.getLogWriter());
        assertSame(parentLoggerOf(target), parentLoggerOf(wrapper));
        assertThrows(SQLFeatureNotSupportedException.class, target::createConnectionBuilder,
                "this test expects a target without connection builders; pick another if that changed");
        assertThrows(SQLFeatureNotSupportedException.class, wrapper::createConnectionBuilder);
        assertThrows(SQLFeatureNotSupportedException.class, wrapper::createShardingKeyBuilder);
    }

    @Test
    void getConnectionWithUserAndPasswordPassesThemToTheTarget() throws SQLException {
        List<Connection> announced = recordAnnounced();
        SignalsDataSource wrapper = new SignalsDataSource(db.vendorDataSource(), alias);

        try (Connection connection = wrapper.getConnection(db.user(), Database.PASSWORD)) {
            assertEquals(List.of(connection), announced);
        }
        assertThrows(SQLException.class, () -> wrapper.getConnection("nobody-" + db.name, "wrong").close());
        assertEquals(1, announced.size(), "a failed open announces nothing");
    }

    // ------------------------------------------------------------------------------- fixtures

    private void connect(Receiver<ConnectionCreated> receiver, ConnectOption... options) {
        receivers.add(CONNECTION_CREATED.connect(receiver, options));
    }

    private List<Connection> recordAnnounced() {
        List<Connection> announced = new CopyOnWriteArrayList<>();
        connect((signal, sender, created) -> announced.add(created.connection()), sender(alias));
        return announced;
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    private HikariConfig config(int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("pool-" + db.name);
        config.setMinimumIdle(size);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(5_000);
        return config;
    }

    private HikariDataSource pool(DataSource dataSource, int size) {
        HikariConfig config = config(size);
        config.setDataSource(dataSource);
        return keep(new HikariDataSource(config));
    }

    private void assertEveryCheckoutIsInAuckland(DataSource pool) throws SQLException {
        try (Connection control = db.vendorDataSource().getConnection()) {
            assertNotEquals(AUCKLAND, db.timeZoneOf(control), "the server's default must differ for this test to mean anything");
        }
        for (int i = 0; i < 10; i++) {
            try (Connection connection = pool.getConnection()) {
                assertEquals(AUCKLAND, db.timeZoneOf(connection), "checkout " + i);
            }
        }
    }

    private void assertThreeAnnouncedForHundredCheckouts(HikariDataSource pool, List<Connection> announced)
            throws Exception {
        Set<Connection> checkedOut = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 100; i++) {
            try (Connection pooled = pool.getConnection()) {
                Database.execute(pooled, "SELECT 1");
                checkedOut.add(pooled.unwrap(Connection.class));
            }
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (pool.getHikariPoolMXBean().getTotalConnections() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(3, pool.getHikariPoolMXBean().getTotalConnections());
        db.awaitSessions(3);
        assertEquals(3, announced.size(), "one signal per physical connection: " + announced);
        Set<Connection> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(announced);
        assertEquals(3, distinct.size());
        assertTrue(distinct.containsAll(checkedOut), "every checkout was one of the announced connections");
    }

    private void assertThrowingReceiverClosesTheConnection(Opener opener) throws Exception {
        IllegalStateException refusal = new IllegalStateException("refused by receiver");
        AtomicInteger sessionsDuringReceiver = new AtomicInteger(-1);
        connect((signal, sender, created) -> {
            sessionsDuringReceiver.set(db.sessions());
            throw refusal;
        }, sender(alias));
        db.awaitSessions(0);

        SQLException failure = assertThrows(SQLException.class, opener::open);

        assertSame(refusal, failure.getCause());
        assertTrue(failure.getMessage().contains(alias), failure.getMessage());
        assertEquals(1, sessionsDuringReceiver.get(), "the receiver ran on an open session");
        db.awaitSessions(0);
    }

    private static Object parentLoggerOf(DataSource dataSource) {
        try {
            return dataSource.getParentLogger();
        } catch (SQLFeatureNotSupportedException e) {
            return SQLFeatureNotSupportedException.class;
        }
    }

    /** Opens a connection, the way under test. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }
}
