package signals.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.sender;
import static signals.jdbc.ConnectionSignals.CONNECTION_CREATED;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import signals.core.SignalBinding;
import signals.core.ConnectOption;
import signals.core.Receiver;
import signals.core.ReceiverProvider;
import signals.core.Signal;
import signals.jdbc.ConnectionCreatedContract.Opener;

/** What the code that asked for a connection gets when announcing it fails. Runs against H2. */
class AnnouncementFailureTests {

    private static final String ALIAS = "orders";

    private final List<signals.core.SignalConnection> receivers = new ArrayList<>();
    private Database db;

    @BeforeEach
    void openTheDatabase() throws SQLException {
        db = Database.H2.create();
    }

    @AfterEach
    void disconnectCloseAndClearTheInterrupt() throws SQLException {
        Thread.interrupted();   // a failed assertion must not leave the flag to the next test
        receivers.forEach(signals.core.SignalConnection::disconnect);
        db.close();
    }

    // --------------------------------------------------------------------------- interrupts

    @Test
    void interruptedReceiverLeavesTheCallerInterruptedFromWrapperAndDriver() throws Exception {
        InterruptedException interruption = new InterruptedException("told to stop");
        connect((signal, sender, created) -> {
            throw interruption;
        }, sender(ALIAS));

        for (Opener opener : openers()) {
            SQLException failure = assertThrows(SQLException.class, opener::open);

            boolean interrupted = Thread.interrupted();   // reads and clears it
            assertTrue(interrupted, "the caller's thread is interrupted again after: " + failure);
            assertSame(interruption, failure.getCause());
        }
        db.awaitSessions(0);
    }

    @Test
    void otherCheckedExceptionOfReceiverLeavesTheInterruptFlagClear() throws Exception {
        IOException refusal = new IOException("disk full");
        connect((signal, sender, created) -> {
            throw refusal;
        }, sender(ALIAS));

        for (Opener opener : openers()) {
            SQLException failure = assertThrows(SQLException.class, opener::open);

            assertFalse(Thread.interrupted(), "not interrupted after: " + failure);
            assertSame(refusal, failure.getCause());
        }
        db.awaitSessions(0);
    }

    // ----------------------------------------------------------------------------- messages

    @Test
    void failureOfReceiverSaysTheConnectionCouldNotBeAnnouncedAndWasClosed() throws Exception {
        IOException checked = new IOException("disk full");
        IllegalStateException unchecked = new IllegalStateException("refused by receiver");
        for (Exception thrown : List.of(checked, unchecked)) {
            signals.core.SignalConnection receiver = CONNECTION_CREATED.connect((signal, sender, created) -> {
                throw thrown;
            }, sender(ALIAS), ConnectOption.name("orders.refuse"));
            try {
                SQLException failure = assertThrows(SQLException.class,
                        () -> new SignalsDataSource(db.vendorDataSource(), ALIAS).getConnection());

                String message = failure.getMessage();
                assertTrue(message.startsWith("could not announce the new connection of data source 'orders': "),
                        message);
                assertTrue(message.contains(thrown.toString()), message);
                // The same shape, checked or unchecked: the receiver and the signal are named.
                assertTrue(message.contains("receiver 'orders.refuse' (lambda in " + getClass().getName() + ")"
                        + " of signal 'connection_created' threw " + thrown), message);
                assertTrue(message.endsWith("; the connection was closed"), message);
                assertSame(thrown, failure.getCause());
            } finally {
                receiver.disconnect();
            }
        }
        db.awaitSessions(0);
    }

    @Test
    void failureMessageOfDriverShowsTheUrlWithoutPassword() throws Exception {
        connect((signal, sender, created) -> {
            throw new IllegalStateException("refused by receiver");
        });
        String url = SignalsDriver.PREFIX + db.urlWithPassword().substring("jdbc:".length());

        SQLException failure = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));

        String message = failure.getMessage();
        // The masked URL is the alias here, so it is shown once.
        assertTrue(message.startsWith("could not announce the new connection of data source '" + db.url()
                + ";USER=sa;PASSWORD=***': "), message);
        assertFalse(message.contains(Database.PASSWORD), message);
        db.awaitSessions(0);
    }

    @Test
    void failureMessageOfNamedUrlDataSourceShowsAliasAndUrlWithoutPassword() throws Exception {
        connect((signal, sender, created) -> {
            throw new IllegalStateException("refused by receiver");
        });
        SignalsDataSource dataSource = new SignalsDataSource();
        dataSource.setUrl(db.urlWithPassword());
        dataSource.setAlias(ALIAS);

        SQLException failure = assertThrows(SQLException.class, dataSource::getConnection);

        String message = failure.getMessage();
        assertTrue(message.startsWith("could not announce the new connection of data source 'orders' (" + db.url()
                + ";USER=sa;PASSWORD=***): "), message);
        assertFalse(message.contains(Database.PASSWORD), message);
        db.awaitSessions(0);
    }

    /**
     * Receiver discovery runs once per copy of signals.core and a failed one is final, so this
     * runs in a copy of its own: signals.core, this module, H2 and the two fixtures below, in a
     * class loader of their own, which another copy of the fixtures' class files tells apart
     * from the test's (on the module path these sit in the test's own module). The provider opens a connection while discovery runs (core
     * refuses the send with an IllegalStateException), then fails discovery; the probe then
     * opens one more (core refuses with a SignalException). No receiver ever runs.
     */
    @Test
    void failedReceiverDiscoveryIsReportedWithoutBlamingAReceiver(@TempDir Path fresh) throws Exception {
        for (Class<?> fixture : List.of(DiscoveryProbe.class, FailingProvider.class)) {
            Path file = fresh.resolve(fixture.getName().replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            try (InputStream bytes = fixture.getResourceAsStream(
                    fixture.getName().substring(fixture.getPackageName().length() + 1) + ".class")) {
                Files.copy(bytes, file);
            }
        }
        Path services = fresh.resolve("META-INF/services/" + ReceiverProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, FailingProvider.class.getName() + "\n");
        URL[] path = {fresh.toUri().toURL(), locationOf(Signal.class), locationOf(SignalsDataSource.class),
                locationOf(JdbcDataSource.class)};

        Object seen;
        try (URLClassLoader copy = new OwnFirstLoader(path)) {
            Supplier<?> probe = (Supplier<?>) Class.forName(DiscoveryProbe.class.getName(), true, copy)
                    .getConstructor().newInstance();
            seen = probe.get();
        }

        List<?> lines = assertInstanceOf(List.class, seen);
        assertEquals(3, lines.size(), lines.toString());
        assertAnnouncementFailed("java.lang.IllegalStateException", lines.get(0));
        assertAnnouncementFailed("signals.core.SignalException", lines.get(1));
        assertEquals("sessions left open: 0", lines.get(2));
    }

    // ------------------------------------------------------------------------------- fixtures

    private void connect(Receiver<ConnectionCreated> receiver, ConnectOption... options) {
        receivers.add(CONNECTION_CREATED.connect(receiver, options));
    }

    private List<Opener> openers() {
        Properties info = db.credentials();
        info.setProperty(SignalsDriver.ALIAS_PROPERTY, ALIAS);
        return List.of(() -> new SignalsDataSource(db.vendorDataSource(), ALIAS).getConnection(),
                () -> DriverManager.getConnection(db.prefixedUrl(), info));
    }

    private static URL locationOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static void assertAnnouncementFailed(String causeType, Object line) {
        String text = String.valueOf(line);
        String prefix = causeType + " | could not announce the new connection of data source 'probe': " + causeType;
        assertTrue(text.startsWith(prefix), text);
        assertTrue(text.endsWith("; the connection was closed"), text);
        assertFalse(text.contains("a receiver of"), text);
    }

    /**
     * Looks in its own path before asking the platform class loader, which would hand the
     * packages of modules on the module path back to the application class loader, and with
     * them the copy of signals.core that every other test uses.
     */
    static final class OwnFirstLoader extends URLClassLoader {

        OwnFirstLoader(URL[] path) {
            super(path, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    try {
                        type = findClass(name);
                    } catch (ClassNotFoundException notOnOwnPath) {
                        return super.loadClass(name, resolve);
                    }
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }
    }

    /**
     * Runs in the class loader of its own: the first use of connection_created there starts
     * discovery, which runs {@link FailingProvider}. Reports, one line each, the cause type and
     * message of every failure, then the H2 sessions left open.
     */
    public static final class DiscoveryProbe implements Supplier<List<String>> {

        static final List<String> SEEN = new ArrayList<>();

        /** Created by the test, by class name, in the other class loader. */
        public DiscoveryProbe() {
        }

        @Override
        public List<String> get() {
            JdbcDataSource h2 = h2();
            try (Connection keeper = h2.getConnection()) {
                open();
                try (Statement statement = keeper.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
                    rows.next();
                    SEEN.add("sessions left open: " + (rows.getInt(1) - 1));
                }
            } catch (SQLException e) {
                SEEN.add("probe failed: " + e);
            }
            return SEEN;
        }

        static void open() {
            try (Connection connection = new SignalsDataSource(h2(), "probe").getConnection()) {
                SEEN.add("opened " + connection);
            } catch (SQLException e) {
                SEEN.add(e.getCause().getClass().getName() + " | " + e.getMessage());
            }
        }

        private static JdbcDataSource h2() {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:discovery-probe");
            h2.setUser("sa");
            return h2;
        }
    }

    /** Opens a connection during discovery, then fails discovery. */
    public static final class FailingProvider implements ReceiverProvider {

        /** Called by ServiceLoader, in the other class loader. */
        public FailingProvider() {
        }

        @Override
        public List<SignalBinding<?>> receivers() {
            DiscoveryProbe.open();
            throw new IllegalStateException("provider broken on purpose");
        }
    }
}
