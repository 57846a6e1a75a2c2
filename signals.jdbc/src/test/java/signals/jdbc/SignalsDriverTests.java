package signals.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.sender;
import static signals.jdbc.ConnectionSignals.CONNECTION_CREATED;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The jdbc:signals: driver on its own: URLs, discovery, properties. Runs against H2. */
class SignalsDriverTests {

    private final SignalsDriver driver = new SignalsDriver();
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
    void driverManagerFindsTheDriverFromThePrefixedUrlAlone() throws SQLException {
        assertInstanceOf(SignalsDriver.class, DriverManager.getDriver(db.prefixedUrl()));
        List<String> heard = new CopyOnWriteArrayList<>();
        receivers.add(CONNECTION_CREATED.connect((signal, sender, created) -> heard.add(created.alias())));

        try (Connection connection = DriverManager.getConnection(db.prefixedUrl(), db.user(), Database.PASSWORD)) {
            Database.execute(connection, "SELECT 1");
        }
        assertEquals(List.of(db.url()), heard);
    }

    @Test
    void serviceLoaderListsTheDriver() {
        // On the module path the test runs inside signals.jdbc, which (rightly) declares no "uses java.sql.Driver".
        SignalsDriverTests.class.getModule().addUses(Driver.class);
        assertTrue(ServiceLoader.load(Driver.class).stream().anyMatch(p -> p.type() == SignalsDriver.class),
                "java.sql.Driver providers include SignalsDriver");
    }

    @Test
    void acceptsOnlyUrlsThatStartWithThePrefix() throws SQLException {
        assertTrue(driver.acceptsURL("jdbc:signals:h2:mem:x"));
        assertTrue(driver.acceptsURL("JDBC:Signals:postgresql://host/db"));
        assertTrue(driver.acceptsURL("jdbc:signals:nosuchdb:x"), "accepting looks at the prefix only");
        assertFalse(driver.acceptsURL("jdbc:h2:mem:x"));
        assertFalse(driver.acceptsURL("jdbc:signalsx:h2:mem:x"));
        assertFalse(driver.acceptsURL("jdbc:signals"));
        assertFalse(driver.acceptsURL(""));
        assertThrows(SQLException.class, () -> driver.acceptsURL(null));
    }

    @Test
    void connectLeavesOtherDriversUrlsToThem() throws SQLException {
        assertNull(driver.connect(db.url(), db.credentials()));
        assertThrows(SQLException.class, () -> driver.connect(null, db.credentials()));
    }

    @Test
    void unknownTargetFailsNamingTheUrlWithoutPassword() {
        String url = "jdbc:signals:nosuchdb://db.example.com/orders?user=app&password=hunter2";

        SQLException direct = assertThrows(SQLException.class, () -> driver.connect(url, new Properties()));
        SQLException throughDriverManager = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));

        for (SQLException failure : List.of(direct, throughDriverManager)) {
            String message = failure.getMessage();
            // The target URL, then the URL the application gave, which is the one it can look for.
            assertTrue(message.contains("no JDBC driver accepts jdbc:nosuchdb://db.example.com/orders?user=app&password=***"
                    + " (from jdbc:signals:nosuchdb://db.example.com/orders?user=app&password=***)"), message);
            assertFalse(message.contains("hunter2"), message);
            assertEquals("08001", failure.getSQLState());
        }
    }

    @Test
    void passwordsInAnyUsualPlaceAreMaskedInErrors() {
        // No driver for these here: each fails, naming the URL. Every password contains "ter2".
        for (String url : List.of("jdbc:signals:nosuchdb://app:hunter2@db.example.com/orders",
                "jdbc:signals:nosuchdb:thin:app/hunter2@db.example.com:1521/orders",
                "jdbc:signals:nosuchdb://db.example.com;user=app;Password=hunter2;encrypt=true",
                "jdbc:signals:nosuchdb://db.example.com/orders?sslpassword=hunter2&ssl=true",
                "jdbc:signals:nosuchdb://app:hun/ter2@db.example.com/orders",
                "jdbc:signals:oracle:thin:scott/hun:ter2@db.example.com:1521/orders",
                "jdbc:signals:sqlserver://db.example.com;user=app;password={hun;ter2};encrypt=true",
                "jdbc:signals:mysql://(host=db.example.com,user=app,password=hunter2)/orders",
                "jdbc:signals:mysql://address=(host=db.example.com)(user=app)(password=hunter2)/orders")) {
            SQLException direct = assertThrows(SQLException.class, () -> driver.connect(url, null));
            SQLException viaDataSource = assertThrows(SQLException.class,
                    () -> urlDataSource(url.replace("jdbc:signals:", "jdbc:")).getConnection());
            for (SQLException failure : List.of(direct, viaDataSource)) {
                assertTrue(failure.getMessage().startsWith("no JDBC driver accepts"), failure.getMessage());
                assertFalse(failure.getMessage().contains("ter2"), failure.getMessage());
                assertTrue(failure.getMessage().contains("***"), failure.getMessage());
            }
            // The data source asked for the URL it was given: there is no other one to name.
            assertFalse(viaDataSource.getMessage().contains("(from "), viaDataSource.getMessage());
        }
    }

    @Test
    void deregisterTakesTheDriverOutOfDriverManagerAndMayBeRepeated() throws SQLException {
        try {
            SignalsDriver.deregister();
            SignalsDriver.deregister();

            assertFalse(Collections.list(DriverManager.getDrivers()).stream().anyMatch(SignalsDriver.class::isInstance),
                    "drivers after deregister: " + Collections.list(DriverManager.getDrivers()));
            SQLException failure = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(db.prefixedUrl(), db.credentials()));
            assertEquals("08001", failure.getSQLState(), "DriverManager's \"no suitable driver\"");
        } finally {
            // The class registers once, when loaded; the rest of the suite needs a driver again.
            DriverManager.registerDriver(new SignalsDriver());
        }
        assertInstanceOf(SignalsDriver.class, DriverManager.getDriver(db.prefixedUrl()));
    }

    @Test
    void prefixTwiceIsRefusedInsteadOfCallingItself() {
        String url = "jdbc:signals:signals:h2:mem:x";

        SQLException failure = assertThrows(SQLException.class, () -> driver.connect(url, db.credentials()));

        assertTrue(failure.getMessage().contains("twice"), failure.getMessage());
        assertTrue(failure.getMessage().contains(url), failure.getMessage());
    }

    @Test
    void prefixWithoutTargetIsRefused() {
        SQLException failure = assertThrows(SQLException.class, () -> driver.connect("jdbc:signals:", null));

        assertTrue(failure.getMessage().contains("names no database"), failure.getMessage());
    }

    @Test
    void aliasPropertyNamesTheSender() throws SQLException {
        List<ConnectionCreated> heard = new CopyOnWriteArrayList<>();
        receivers.add(CONNECTION_CREATED.connect((signal, sender, created) -> heard.add(created), sender("orders")));
        Properties info = db.credentials();
        info.setProperty(SignalsDriver.ALIAS_PROPERTY, "orders");

        try (Connection named = driver.connect(db.prefixedUrl(), info);
             Connection unnamed = driver.connect(db.prefixedUrl(), db.credentials())) {
            assertEquals(List.of(new ConnectionCreated(named, "orders", db.url())), heard);
        }
    }

    @Test
    void blankAliasPropertyIsRefused() {
        Properties info = db.credentials();
        info.setProperty(SignalsDriver.ALIAS_PROPERTY, " ");

        SQLException failure = assertThrows(SQLException.class, () -> driver.connect(db.prefixedUrl(), info));

        assertTrue(failure.getMessage().contains(SignalsDriver.ALIAS_PROPERTY + " is blank"), failure.getMessage());
    }

    @Test
    void propertyInfoListsTheRealDriversPropertiesThenTheAlias() throws SQLException {
        Properties info = db.credentials();
        info.setProperty(SignalsDriver.ALIAS_PROPERTY, "orders");
        DriverPropertyInfo[] all = driver.getPropertyInfo("jdbc:signals:postgresql://127.0.0.1/test", info);
        DriverPropertyInfo[] theirs = DriverManager.getDriver("jdbc:postgresql://127.0.0.1/test")
                .getPropertyInfo("jdbc:postgresql://127.0.0.1/test", db.credentials());

        assertTrue(Arrays.asList(names(theirs)).contains("ApplicationName"));
        assertEquals(theirs.length + 1, all.length);
        assertArrayEquals(names(theirs), Arrays.copyOf(names(all), theirs.length));
        DriverPropertyInfo alias = all[all.length - 1];
        assertEquals(SignalsDriver.ALIAS_PROPERTY, alias.name);
        assertEquals("orders", alias.value);
        assertFalse(alias.required);
    }

    @Test
    void propertyInfoIsEmptyForOtherUrlsAndFailsForUnknownTargets() throws SQLException {
        assertEquals(0, driver.getPropertyInfo("jdbc:postgresql://127.0.0.1/test", null).length);
        SQLException failure = assertThrows(SQLException.class,
                () -> driver.getPropertyInfo("jdbc:signals:nosuchdb:x", null));
        assertTrue(failure.getMessage().contains("jdbc:nosuchdb:x"), failure.getMessage());
    }

    @Test
    void versionsAndLoggerDescribeThisDriver() {
        assertEquals(0, driver.getMajorVersion());
        assertEquals(1, driver.getMinorVersion());
        assertFalse(driver.jdbcCompliant());
        assertEquals("signals.jdbc", driver.getParentLogger().getName());
        // What DriverManager's log and a list of its drivers show.
        assertEquals("SignalsDriver[jdbc:signals:]", driver.toString());
    }

    private static SignalsDataSource urlDataSource(String url) {
        SignalsDataSource dataSource = new SignalsDataSource();
        dataSource.setUrl(url);
        return dataSource;
    }

    private static String[] names(DriverPropertyInfo[] properties) {
        return Arrays.stream(properties).map(p -> p.name).toArray(String[]::new);
    }
}
