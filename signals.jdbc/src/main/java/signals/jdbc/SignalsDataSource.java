package signals.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.ShardingKeyBuilder;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that fires {@link ConnectionSignals#CONNECTION_CREATED} for every
 * connection it opens, with its {@linkplain #setAlias alias} as the sender.
 *
 * <p>It gets its connections in one of two ways:
 * <ul>
 *   <li>from another {@code DataSource}, the {@linkplain #setTargetDataSource target}; every
 *       method other than the ones that open connections passes straight to it, and
 *       {@link #unwrap} reaches it;</li>
 *   <li>from a JDBC {@linkplain #setUrl URL}, with {@linkplain #setUser user} and
 *       {@linkplain #setPassword password}, through the driver that {@link java.sql.DriverManager}
 *       has for that URL.</li>
 * </ul>
 *
 * <pre>{@code
 * DataSource ordersDb = new SignalsDataSource(pgDataSource, "orders");
 *
 * SignalsDataSource configured = new SignalsDataSource();   // as a pool or container does it
 * configured.setUrl("jdbc:postgresql://db.example.com/orders");
 * configured.setUser("app");
 * configured.setAlias("orders");
 * }</pre>
 *
 * <p>The public no-argument constructor and the setters make it configurable by class name and
 * properties; with HikariCP, {@code dataSourceClassName=signals.jdbc.SignalsDataSource} and
 * {@code dataSource.url}, {@code dataSource.user}, {@code dataSource.password},
 * {@code dataSource.alias}.
 *
 * <h2>Put the pool in front</h2>
 * The signal fires once per connection this data source opens. Put a pool in front of it (the
 * pool's {@code DataSource} wraps this one) and it fires once per physical connection, as
 * Django's does; wrap a pool instead and it fires on every checkout.
 *
 * <p>The connections it returns are the real driver's own: no wrapper, nothing added to the
 * cost of a statement. It is safe for use by several threads; change its configuration before
 * it is used.
 *
 * @since 0.1
 */
public final class SignalsDataSource implements DataSource {

    /** The alias used until {@link #setAlias} is called, as in Django: {@value}. */
    public static final String DEFAULT_ALIAS = "default";

    private volatile DataSource targetDataSource;
    private volatile String alias = DEFAULT_ALIAS;
    private volatile String url;
    private volatile String user;
    private volatile String password;
    // Only used when connecting from a URL; a target DataSource keeps its own.
    private volatile int loginTimeout;
    private volatile PrintWriter logWriter;

    /**
     * Creates an unconfigured data source, for configuration through the setters: set either
     * {@link #setTargetDataSource} or {@link #setUrl}.
     */
    public SignalsDataSource() {
    }

    /**
     * Wraps a data source, with the alias {@value #DEFAULT_ALIAS}.
     *
     * @param targetDataSource the data source that opens the connections, not null
     * @throws NullPointerException if the data source is null
     * @throws IllegalArgumentException if it is a {@code SignalsDataSource} itself
     */
    public SignalsDataSource(DataSource targetDataSource) {
        this(targetDataSource, DEFAULT_ALIAS);
    }

    /**
     * Wraps a data source under an alias.
     *
     * <pre>{@code
     * DataSource ordersDb = new SignalsDataSource(pgDataSource, "orders");
     * }</pre>
     *
     * @param targetDataSource the data source that opens the connections, not null
     * @param alias the name of the data source: the signal's sender; not null or blank
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the alias is blank, or the data source is a
     *     {@code SignalsDataSource} itself
     */
    public SignalsDataSource(DataSource targetDataSource, String alias) {
        setTargetDataSource(Objects.requireNonNull(targetDataSource, "targetDataSource"));
        setAlias(alias);
    }

    // --------------------------------------------------------------------------- configuration

    /**
     * Returns the data source that opens the connections.
     *
     * @return the target, or null when connections come from {@link #getUrl()}
     */
    public DataSource getTargetDataSource() {
        return targetDataSource;
    }

    /**
     * Sets the data source that opens the connections. Leave {@link #setUrl url} unset then.
     *
     * @param targetDataSource the data source, or null to unset it
     * @throws IllegalArgumentException if it is a {@code SignalsDataSource}, which would fire the
     *     signal twice for every connection
     */
    public void setTargetDataSource(DataSource targetDataSource) {
        if (targetDataSource instanceof SignalsDataSource) {
            throw new IllegalArgumentException("the target of a SignalsDataSource is a SignalsDataSource ("
                    + targetDataSource + "); connection_created would fire twice for every connection."
                    + " Wrap its target instead.");
        }
        this.targetDataSource = targetDataSource;
    }

    /**
     * Returns the name of this data source, the sender of the signal.
     *
     * @return the alias, {@value #DEFAULT_ALIAS} unless set
     */
    public String getAlias() {
        return alias;
    }

    /**
     * Names this data source: Django's {@code connection.alias}. It is the sender of every
     * {@code connection_created} this data source fires, so that receivers connected with
     * {@code ConnectOption.sender("orders")} hear only this one.
     *
     * @param alias the name, not null or blank
     * @throws NullPointerException if the alias is null
     * @throws IllegalArgumentException if the alias is blank
     */
    public void setAlias(String alias) {
        Objects.requireNonNull(alias, "alias");
        if (alias.isBlank()) {
            throw new IllegalArgumentException("alias of a SignalsDataSource is blank");
        }
        this.alias = alias;
    }

    /**
     * Returns the JDBC URL that connections are opened from, when there is no target data source.
     *
     * @return the URL, or null
     */
    public String getUrl() {
        return url;
    }

    /**
     * Sets the JDBC URL to open connections from, through the driver that
     * {@link java.sql.DriverManager} has for it. Leave {@link #setTargetDataSource targetDataSource}
     * unset then.
     *
     * @param url the real database's URL, such as {@code jdbc:postgresql://host/db}; or null to
     *     unset it
     * @throws IllegalArgumentException if the URL starts with {@value SignalsDriver#PREFIX},
     *     which would fire the signal twice for every connection
     */
    public void setUrl(String url) {
        if (url != null && url.regionMatches(true, 0, SignalsDriver.PREFIX, 0, SignalsDriver.PREFIX.length())) {
            throw new IllegalArgumentException("the url of a SignalsDataSource starts with " + SignalsDriver.PREFIX
                    + " (" + JdbcUrls.redact(url) + "); connection_created would fire twice for every connection."
                    + " Give the database's own URL, without signals:.");
        }
        this.url = url;
    }

    /**
     * Returns the user name that connections from {@link #getUrl()} are opened as.
     *
     * @return the user, or null to leave it to the URL
     */
    public String getUser() {
        return user;
    }

    /**
     * Sets the user name for connections opened from {@link #setUrl url}; passed to the driver
     * as the {@code user} property.
     *
     * @param user the user, or null
     */
    public void setUser(String user) {
        this.user = user;
    }

    /**
     * Sets the password for connections opened from {@link #setUrl url}; passed to the driver as
     * the {@code password} property. There is no getter, so that it does not end up in logs.
     *
     * @param password the password, or null
     */
    public void setPassword(String password) {
        this.password = password;
    }

    // ------------------------------------------------------------------------------- connecting

    /**
     * Opens a connection and fires {@link ConnectionSignals#CONNECTION_CREATED} for it.
     *
     * @return the real driver's connection
     * @throws SQLException if this data source is not configured, the connection cannot be
     *     opened, or a receiver throws (its exception is the cause, and the connection is closed)
     */
    @Override
    public Connection getConnection() throws SQLException {
        return mode().open();
    }

    /**
     * Opens a connection as the given user and fires {@link ConnectionSignals#CONNECTION_CREATED}
     * for it.
     *
     * @param username the database user
     * @param password the user's password
     * @return the real driver's connection
     * @throws SQLException if this data source is not configured, the connection cannot be
     *     opened, or a receiver throws (its exception is the cause, and the connection is closed)
     */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return mode().open(username, password);
    }

    /**
     * Starts building a connection; {@link ConnectionBuilder#build()} fires
     * {@link ConnectionSignals#CONNECTION_CREATED} for it. With a target data source, the
     * target's builder does the work; with a URL, user and password are supported, sharding keys
     * are not.
     *
     * @return a builder
     * @throws SQLException if this data source is not configured
     * @throws SQLFeatureNotSupportedException if the target data source has no builder
     */
    @Override
    public ConnectionBuilder createConnectionBuilder() throws SQLException {
        return mode().builder();
    }

    /**
     * Passes to the target data source.
     *
     * @return the target's sharding key builder
     * @throws SQLException if this data source is not configured
     * @throws SQLFeatureNotSupportedException if the target has none, or connections come from a
     *     URL
     */
    @Override
    public ShardingKeyBuilder createShardingKeyBuilder() throws SQLException {
        return mode().shardingKeyBuilder();
    }

    // ------------------------------------------------------------------------ passed through

    /**
     * Returns the target data source's log writer, or this data source's own when connections
     * come from a URL.
     *
     * @return the log writer, or null
     * @throws SQLException if the target fails
     */
    @Override
    public PrintWriter getLogWriter() throws SQLException {
        DataSource target = targetDataSource;
        return target != null ? target.getLogWriter() : logWriter;
    }

    /**
     * Sets the target data source's log writer, or keeps it here when connections come from a
     * URL (drivers opened through {@code DriverManager} use {@code DriverManager}'s instead).
     *
     * @param out the log writer, or null
     * @throws SQLException if the target fails
     */
    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        DataSource target = targetDataSource;
        if (target != null) {
            target.setLogWriter(out);
        } else {
            logWriter = out;
        }
    }

    /**
     * Sets the target data source's login timeout, or keeps it here when connections come from a
     * URL; the real driver's own URL parameter (PostgreSQL's {@code loginTimeout}, for one) is
     * what bounds the time to log in then.
     *
     * @param seconds the timeout in seconds, 0 for none
     * @throws SQLException if the target fails
     */
    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        DataSource target = targetDataSource;
        if (target != null) {
            target.setLoginTimeout(seconds);
        } else {
            loginTimeout = seconds;
        }
    }

    /**
     * Returns the target data source's login timeout, or the one kept here.
     *
     * @return the timeout in seconds, 0 for none
     * @throws SQLException if the target fails
     */
    @Override
    public int getLoginTimeout() throws SQLException {
        DataSource target = targetDataSource;
        return target != null ? target.getLoginTimeout() : loginTimeout;
    }

    /**
     * Returns the target data source's parent logger, or the URL's driver's.
     *
     * @return the logger
     * @throws SQLFeatureNotSupportedException if the target or driver has none
     */
    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        ConnectionMode mode;
        try {
            mode = mode();
        } catch (SQLException e) { // not configured: there is no logger to return
            throw new SQLFeatureNotSupportedException(e.getMessage(), e.getSQLState(), e);
        }
        return mode.parentLogger();
    }


    /**
     * Returns this data source, the target data source, or what the target unwraps to, whichever
     * is the first to implement the interface.
     *
     * <pre>{@code
     * PGSimpleDataSource pg = dataSource.unwrap(PGSimpleDataSource.class);
     * }</pre>
     *
     * @param iface the interface or class wanted
     * @param <T> its type
     * @return an object implementing it
     * @throws SQLException if none of them does
     */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        Objects.requireNonNull(iface, "iface");
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return mode().unwrap(iface);
    }

    /**
     * Tells whether {@link #unwrap} would succeed.
     *
     * @param iface the interface or class wanted
     * @return true if this data source, the target, or what the target wraps implements it
     * @throws SQLException if the target fails
     */
    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        Objects.requireNonNull(iface, "iface");
        if (iface.isInstance(this)) {
            return true;
        }
        return (targetDataSource != null || url != null) && mode().isWrapperFor(iface);
    }

    /**
     * Describes this data source: its alias and its target or URL, without passwords.
     *
     * @return a description
     */
    @Override
    public String toString() {
        DataSource target = targetDataSource;
        return "SignalsDataSource[alias=" + alias + ", "
                + (target != null ? "target=" + target : "url=" + JdbcUrls.redact(url)) + "]";
    }

    // ----------------------------------------------------------------------------- internals

    /** The mode this configuration asks for; fails unless exactly one of target and URL is set. */
    private ConnectionMode mode() throws SQLException {
        DataSource target = targetDataSource;
        String from = url;
        if (target != null && from != null) {
            throw new SQLException("this SignalsDataSource has both a targetDataSource (" + target
                    + ") and a url (" + JdbcUrls.redact(from) + "); set one of them");
        }
        if (target == null && from == null) {
            throw new SQLException("this SignalsDataSource has neither a targetDataSource nor a url; set one of them");
        }
        return target != null ? new WrappedMode(target, alias) : new UrlMode(from, user, password, alias);
    }
}
