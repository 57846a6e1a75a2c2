package signals.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.sender;
import static signals.jdbc.ConnectionSignals.CONNECTION_CREATED;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.ShardingKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DataSource wrapper's configuration and its URL form. Runs against H2. */
class SignalsDataSourceTests {

    private final List<signals.core.SignalConnection> receivers = new ArrayList<>();
    private Database db;

    @BeforeEach
    void openTheDatabase() throws SQLException {
        db = Database.H2.create();
    }

    @AfterEach
    void disconnectAndClose() throws SQLException {
        receivers.forEach(signals.core.SignalConnection::disconnect);
        db.close();
    }

    @Test
    void unconfiguredDataSourceSaysWhatToSet() {
        SQLException failure = assertThrows(SQLException.class, () -> new SignalsDataSource().getConnection());

        assertTrue(failure.getMessage().contains("neither a targetDataSource nor a url"), failure.getMessage());
    }

    @Test
    void dataSourceWithBothTargetAndUrlRefusesToGuess() {
        SignalsDataSource both = new SignalsDataSource(db.vendorDataSource());
        both.setUrl(db.urlWithPassword());

        SQLException failure = assertThrows(SQLException.class, both::getConnection);

        assertTrue(failure.getMessage().contains("both a targetDataSource"), failure.getMessage());
        assertFalse(failure.getMessage().contains(Database.PASSWORD), failure.getMessage());
    }

    @Test
    void prefixedUrlIsRefusedBecauseTheSignalWouldFireTwice() {
        SignalsDataSource dataSource = new SignalsDataSource();

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> dataSource.setUrl(db.prefixedUrl()));

        assertTrue(failure.getMessage().contains("twice"), failure.getMessage());
        assertNull(dataSource.getUrl());
    }

    @Test
    void wrappingAnotherSignalsDataSourceIsRefused() {
        SignalsDataSource inner = new SignalsDataSource(db.vendorDataSource());

        assertThrows(IllegalArgumentException.class, () -> new SignalsDataSource(inner, "outer"));
    }

    @Test
    void aliasIsDefaultUnlessNamedAndNeverBlank() {
        SignalsDataSource dataSource = new SignalsDataSource(db.vendorDataSource());

        assertEquals(SignalsDataSource.DEFAULT_ALIAS, dataSource.getAlias());
        assertEquals("default", dataSource.getAlias());
        assertThrows(IllegalArgumentException.class, () -> dataSource.setAlias(" "));
        assertThrows(NullPointerException.class, () -> dataSource.setAlias(null));
        assertThrows(NullPointerException.class, () -> new SignalsDataSource(null, "orders"));
        assertEquals("default", dataSource.getAlias());
    }

    @Test
    void connectionBuilderOfUrlDataSourceFiresAndUsesItsUser() throws SQLException {
        List<ConnectionCreated> heard = new CopyOnWriteArrayList<>();
        receivers.add(CONNECTION_CREATED.connect((signal, sender, created) -> heard.add(created), sender("built")));
        SignalsDataSource dataSource = urlDataSource("built");
        dataSource.setUser("nobody");

        try (Connection connection = dataSource.createConnectionBuilder()
                .user(db.user()).password(Database.PASSWORD).build()) {
            assertEquals(List.of(new ConnectionCreated(connection, "built", db.url())), heard);
        }
        assertThrows(SQLException.class, () -> dataSource.getConnection().close(), "nobody cannot log in");
        assertEquals(1, heard.size());
    }

    @Test
    void urlDataSourceKeepsLoginTimeoutAndLogWriterItself() throws SQLException {
        SignalsDataSource dataSource = urlDataSource("kept");
        PrintWriter log = new PrintWriter(new StringWriter());

        dataSource.setLoginTimeout(9);
        dataSource.setLogWriter(log);

        assertEquals(9, dataSource.getLoginTimeout());
        assertSame(log, dataSource.getLogWriter());
        assertSame(DriverManager.getDriver(db.url()).getParentLogger(), dataSource.getParentLogger());
        assertThrows(SQLFeatureNotSupportedException.class, dataSource::createShardingKeyBuilder);
    }

    @Test
    void urlDataSourceIsNoWrapperButItself() throws SQLException {
        SignalsDataSource dataSource = urlDataSource("self");

        assertSame(dataSource, dataSource.unwrap(DataSource.class));
        assertFalse(dataSource.isWrapperFor(JdbcDataSource.class));
        SQLException failure = assertThrows(SQLException.class, () -> dataSource.unwrap(JdbcDataSource.class));
        assertTrue(failure.getMessage().contains("wraps no DataSource"), failure.getMessage());
    }

    @Test
    void configurationReadsBackAsSet() {
        DataSource target = db.vendorDataSource();
        SignalsDataSource wrapper = new SignalsDataSource(target, "wrapped");
        SignalsDataSource fromUrl = urlDataSource("from-url");

        assertSame(target, wrapper.getTargetDataSource());
        assertNull(wrapper.getUrl());
        assertNull(fromUrl.getTargetDataSource());
        assertEquals(db.url(), fromUrl.getUrl());
        assertEquals(db.user(), fromUrl.getUser());
    }

    @Test
    void unconfiguredDataSourceIsAWrapperOfNothingButItself() throws SQLException {
        // A pool or framework may ask before the data source is configured; only opening fails then.
        SignalsDataSource unconfigured = new SignalsDataSource();

        assertTrue(unconfigured.isWrapperFor(DataSource.class));
        assertFalse(unconfigured.isWrapperFor(JdbcDataSource.class));
    }

    @Test
    void logWriterSetOnTheWrapperIsTheTargetsOwn() throws SQLException {
        DataSource target = db.vendorDataSource();
        SignalsDataSource wrapper = new SignalsDataSource(target, "logged");
        PrintWriter log = new PrintWriter(new StringWriter());

        wrapper.setLogWriter(log);

        assertSame(log, target.getLogWriter(), "H2's DataSource keeps the log writer it is given");
    }

    @Test
    void urlDataSourceGivesTheParentLoggerOfTheDriverForItsUrl() throws SQLException {
        // H2's driver has no parent logger (null); PostgreSQL's has one. Asking connects nowhere.
        String url = "jdbc:postgresql://127.0.0.1:5432/test";
        SignalsDataSource dataSource = new SignalsDataSource();
        dataSource.setUrl(url);

        Logger logger = dataSource.getParentLogger();

        assertNotNull(logger);
        assertSame(DriverManager.getDriver(url).getParentLogger(), logger);
    }

    @Test
    void connectionBuilderOfUrlDataSourceRefusesShardingKeysBeforeConnecting() throws Exception {
        SignalsDataSource dataSource = urlDataSource("sharded");
        ShardingKey key = new ShardingKey() { };
        List<UnaryOperator<ConnectionBuilder>> shardings = List.of(
                builder -> builder.shardingKey(key), builder -> builder.superShardingKey(key));

        for (UnaryOperator<ConnectionBuilder> sharding : shardings) {
            ConnectionBuilder builder = sharding.apply(dataSource.createConnectionBuilder().user(db.user()));
            SQLFeatureNotSupportedException refusal = assertThrows(SQLFeatureNotSupportedException.class,
                    () -> builder.build().close());

            assertTrue(refusal.getMessage().startsWith("sharding keys need a target DataSource"), refusal.getMessage());
        }
        db.awaitSessions(0);
    }

    @Test
    void connectionBuilderOfWrapperIsTheTargetsAndWhatItBuildsIsAnnounced() throws SQLException {
        List<ConnectionCreated> heard = new CopyOnWriteArrayList<>();
        receivers.add(CONNECTION_CREATED.connect((signal, sender, created) -> heard.add(created), sender("sharded")));
        BuildingDataSource target = new BuildingDataSource((JdbcDataSource) db.vendorDataSource());
        SignalsDataSource wrapper = new SignalsDataSource(target, "sharded");
        ShardingKey region = wrapper.createShardingKeyBuilder().subkey("eu", JDBCType.VARCHAR).build();
        ShardingKey tenant = wrapper.createShardingKeyBuilder().subkey(7, JDBCType.INTEGER).build();

        try (Connection connection = wrapper.createConnectionBuilder().user(db.user()).password(Database.PASSWORD)
                .shardingKey(region).superShardingKey(tenant).build()) {
            assertNotNull(connection);
            assertEquals(List.of(new ConnectionCreated(connection, "sharded", null)), heard);
        }
        assertEquals(List.of(new BuildingDataSource.Key(List.of("eu")), new BuildingDataSource.Key(List.of(7))),
                target.keysBuiltWith());
        assertThrows(SQLException.class,
                () -> wrapper.createConnectionBuilder().user("nobody").password("wrong").build().close());
        assertEquals(1, heard.size(), "a failed open announces nothing");
    }

    @Test
    void descriptionNamesAliasAndUrlWithoutPassword() {
        SignalsDataSource dataSource = new SignalsDataSource();
        dataSource.setUrl(db.urlWithPassword());
        dataSource.setAlias("described");

        String description = dataSource.toString();

        assertTrue(description.contains("alias=described"), description);
        assertTrue(description.contains(db.url()), description);
        assertFalse(description.contains(Database.PASSWORD), description);
    }

    private SignalsDataSource urlDataSource(String alias) {
        SignalsDataSource dataSource = new SignalsDataSource();
        dataSource.setUrl(db.url());
        dataSource.setUser(db.user());
        dataSource.setPassword(Database.PASSWORD);
        dataSource.setAlias(alias);
        return dataSource;
    }
}
