package signals.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.sender;
import static signals.jdbc.ConnectionSignals.CONNECTION_CREATED;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

        assertSame(dataSource, dataSource.unwrap(javax.sql.DataSource.class));
        assertFalse(dataSource.isWrapperFor(org.h2.jdbcx.JdbcDataSource.class));
        SQLException failure = assertThrows(SQLException.class, () -> dataSource.unwrap(org.h2.jdbcx.JdbcDataSource.class));
        assertTrue(failure.getMessage().contains("wraps no DataSource"), failure.getMessage());
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
