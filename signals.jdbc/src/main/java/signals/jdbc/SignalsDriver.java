package signals.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver that opens connections through the real driver and fires
 * {@link ConnectionSignals#CONNECTION_CREATED} for each: put {@code signals:} after {@code jdbc:}
 * in any URL.
 *
 * <pre>{@code
 * jdbc:postgresql://db.example.com/orders   ->   jdbc:signals:postgresql://db.example.com/orders
 * jdbc:h2:mem:test                          ->   jdbc:signals:h2:mem:test
 * }</pre>
 *
 * <p>The driver registers itself with {@link DriverManager} when it is loaded, and is listed for
 * {@link java.util.ServiceLoader} (in {@code module-info} and in {@code META-INF/services}), so a
 * pool, Hibernate or any tool finds it from the URL alone; its class name is only needed where a
 * tool insists on a {@code driverClassName}. The connection it returns is the real driver's own.
 * An application that is stopped while the JVM runs on (a web application, for one) calls
 * {@link #deregister()} when it stops.
 *
 * <h2>Alias</h2>
 * The signal's sender is the data source's alias: the connection property
 * {@value #ALIAS_PROPERTY} when given (it is not passed on to the real driver), otherwise the
 * target URL (the URL without {@code signals:}) with passwords masked.
 *
 * <pre>{@code
 * Properties info = new Properties();
 * info.setProperty("user", "app");
 * info.setProperty(SignalsDriver.ALIAS_PROPERTY, "orders");
 * Connection c = DriverManager.getConnection("jdbc:signals:postgresql://db/orders", info);
 * }</pre>
 *
 * <h2>Finding the real driver</h2>
 * The target driver is the first driver registered with {@link DriverManager} (and visible to
 * this module's class loader) that accepts the target URL, other than this driver: a URL that
 * names {@code signals:} twice is refused rather than calling itself.
 *
 * @since 0.1
 */
public final class SignalsDriver implements Driver {

    /** What a URL starts with for this driver to accept it: {@value}. */
    public static final String PREFIX = "jdbc:signals:";

    /**
     * The connection property that names the data source, the signal's sender: {@value}. It is
     * removed from the properties passed to the real driver.
     */
    public static final String ALIAS_PROPERTY = "signalsAlias";

    static {
        try {
            DriverManager.registerDriver(new SignalsDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Takes this driver out of {@link DriverManager}: the instance registered when this class was
     * loaded, and any other instance of this class registered since. Call it when the application
     * stops, from a servlet container's {@code ServletContextListener.contextDestroyed} or an
     * application's shutdown: {@code DriverManager} is shared by the whole JVM, and a driver left
     * registered there keeps the class loader of a web application that had this module in
     * {@code WEB-INF/lib}, and every class it loaded, from being collected after undeployment.
     *
     * <pre>{@code
     * public void contextDestroyed(ServletContextEvent event) {
     *     SignalsDriver.deregister();
     * }
     * }</pre>
     *
     * <p>Calling it again does nothing. Afterwards {@code jdbc:signals:} URLs find no driver in
     * {@code DriverManager}; connections already open are not affected, and
     * {@link SignalsDataSource} keeps working, as it does not use this driver. The real drivers
     * are the application's to deregister.
     *
     * @throws IllegalStateException if {@code DriverManager} refuses, with its exception as the
     *     cause
     * @since 0.1
     */
    public static void deregister() {
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            // The exact class: a SignalsDriver of another class loader belongs to another application.
            if (driver.getClass() == SignalsDriver.class) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    // Declared, but not thrown by the JDK's DriverManager; a shutdown hook has no use for a checked one.
                    throw new IllegalStateException("DriverManager refused to deregister " + driver + ": " + e, e);
                }
            }
        }
    }

    /**
     * Creates the driver; {@link java.util.ServiceLoader} and tools that take a driver class name
     * call this. Loading the class registers an instance with {@link DriverManager} already.
     */
    public SignalsDriver() {
    }

    /**
     * Opens a connection through the driver for the target URL, then fires
     * {@link ConnectionSignals#CONNECTION_CREATED}.
     *
     * @param url a URL that starts with {@value #PREFIX}
     * @param info the connection properties, passed to the real driver without
     *     {@value #ALIAS_PROPERTY}; may be null
     * @return the real driver's connection, or null if the URL does not start with
     *     {@value #PREFIX} (as {@link Driver#connect} requires, so DriverManager asks the next
     *     driver)
     * @throws SQLException if the URL is null or names no target, if no driver accepts the
     *     target URL, if the real driver fails, or if a receiver throws (its exception is the
     *     cause, and the connection is closed)
     */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        String target = targetUrl(url);
        String alias = alias(info, target);
        Driver driver = JdbcUrls.driverFor(target, url);
        Connection connection = driver.connect(target, withoutAlias(info));
        if (connection == null) {
            throw new SQLException("driver " + driver.getClass().getName() + " accepts "
                    + JdbcUrls.redact(target) + " but returned no connection for it", "08001");
        }
        return Announcer.announce(connection, alias, JdbcUrls.redact(target));
    }

    /**
     * Tells whether a URL is for this driver: whether it starts with {@value #PREFIX}, in any
     * case. It does not look for the target driver.
     *
     * @param url the URL
     * @return true if the URL starts with {@value #PREFIX}
     * @throws SQLException if the URL is null
     */
    @Override
    public boolean acceptsURL(String url) throws SQLException {
        if (url == null) {
            throw new SQLException("JDBC URL is null");
        }
        return url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * Lists the target driver's properties for the target URL, followed by
     * {@value #ALIAS_PROPERTY}.
     *
     * @param url a URL that starts with {@value #PREFIX}
     * @param info the properties given so far; may be null
     * @return the properties; empty for a URL that is not this driver's
     * @throws SQLException if no driver accepts the target URL, or it fails
     */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return new DriverPropertyInfo[0];
        }
        String target = targetUrl(url);
        DriverPropertyInfo[] theirs = JdbcUrls.driverFor(target, url).getPropertyInfo(target, withoutAlias(info));
        DriverPropertyInfo alias = new DriverPropertyInfo(ALIAS_PROPERTY,
                info == null ? null : info.getProperty(ALIAS_PROPERTY));
        alias.required = false;
        alias.description = "name of the data source: the sender of connection_created"
                + " (default: the URL without jdbc:signals: and without passwords)";
        DriverPropertyInfo[] all = Arrays.copyOf(theirs == null ? new DriverPropertyInfo[0] : theirs,
                (theirs == null ? 0 : theirs.length) + 1);
        all[all.length - 1] = alias;
        return all;
    }

    /**
     * Returns this driver's major version.
     *
     * @return 0, for version 0.1
     */
    @Override
    public int getMajorVersion() {
        return 0;
    }

    /**
     * Returns this driver's minor version.
     *
     * @return 1, for version 0.1
     */
    @Override
    public int getMinorVersion() {
        return 1;
    }

    /**
     * Tells that this driver does not claim JDBC compliance itself: whether a connection is
     * compliant depends on the real driver behind it.
     *
     * @return false
     */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    /**
     * Returns the logger named {@code signals.jdbc}. This driver logs nothing itself; the real
     * driver logs under its own loggers, and {@code signals.core} under {@code signals.core}.
     *
     * @return the {@code signals.jdbc} logger
     */
    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("signals.jdbc");
    }

    @Override
    public String toString() {
        return "SignalsDriver[" + PREFIX + "]";
    }

    private static String targetUrl(String url) throws SQLException {
        String rest = url.substring(PREFIX.length());
        if (rest.isBlank()) {
            throw new SQLException("JDBC URL " + url + " names no database after " + PREFIX
                    + "; write the real URL without its jdbc: there, as in jdbc:signals:postgresql://host/db",
                    "08001");
        }
        String target = "jdbc:" + rest;
        if (target.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new SQLException("JDBC URL " + JdbcUrls.redact(url) + " starts with " + PREFIX
                    + " twice; this driver would only call itself. Write it once.", "08001");
        }
        return target;
    }

    private static String alias(Properties info, String target) throws SQLException {
        String alias = info == null ? null : info.getProperty(ALIAS_PROPERTY);
        if (alias == null) {
            return JdbcUrls.redact(target);
        }
        if (alias.isBlank()) {
            throw new SQLException("connection property " + ALIAS_PROPERTY + " is blank for "
                    + JdbcUrls.redact(target) + "; leave it out to use the URL as the alias");
        }
        return alias;
    }

    private static Properties withoutAlias(Properties info) {
        Properties copy = new Properties();
        if (info != null) {
            // stringPropertyNames also sees defaults, which a plain copy of the entries would lose.
            for (String name : info.stringPropertyNames()) {
                if (!name.equals(ALIAS_PROPERTY)) {
                    copy.setProperty(name, info.getProperty(name));
                }
            }
            // Drivers may take non-String values (a PostgreSQL SocketFactory, for one): keep them.
            info.forEach((key, value) -> {
                if (!(value instanceof String) && !ALIAS_PROPERTY.equals(key)) {
                    copy.put(key, value);
                }
            });
        }
        return copy;
    }
}
