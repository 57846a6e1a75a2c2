package signals.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.ShardingKey;
import java.sql.ShardingKeyBuilder;
import java.util.Objects;
import java.util.Properties;
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
        DataSource target = target();
        if (target != null) {
            return Announcer.announce(opened(target.getConnection()), alias, null);
        }
        return openFromUrl(user, password);
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
        DataSource target = target();
        if (target != null) {
            return Announcer.announce(opened(target.getConnection(username, password)), alias, null);
        }
        return openFromUrl(username, password);
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
        DataSource target = target();
        return target != null ? new Builder(this, target.createConnectionBuilder()) : new Builder(this, null);
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
        DataSource target = target();
        if (target == null) {
            throw new SQLFeatureNotSupportedException("sharding keys need a target DataSource that supports them;"
                    + " this SignalsDataSource connects to " + JdbcUrls.redact(url));
        }
        return target.createShardingKeyBuilder();
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
        DataSource target = targetDataSource;
        if (target != null) {
            return target.getParentLogger();
        }
        String from = url;
        if (from == null) {
            throw new SQLFeatureNotSupportedException("this SignalsDataSource has neither a targetDataSource"
                    + " nor a url, so it has no driver whose logger it could return");
        }
        try {
            return JdbcUrls.driverFor(from, from).getParentLogger();
        } catch (SQLFeatureNotSupportedException e) {
            throw e;
        } catch (SQLException e) {
            throw new SQLFeatureNotSupportedException(e.getMessage(), e.getSQLState(), e);
        }
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
        DataSource target = targetDataSource;
        if (target == null) {
            throw new SQLException("this SignalsDataSource wraps no DataSource (it connects to "
                    + JdbcUrls.redact(url) + "), so it cannot be unwrapped to " + iface.getName());
        }
        return iface.isInstance(target) ? iface.cast(target) : target.unwrap(iface);
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
        DataSource target = targetDataSource;
        return target != null && (iface.isInstance(target) || target.isWrapperFor(iface));
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

    /** The target data source, or null when connections come from the URL; fails if neither is set. */
    private DataSource target() throws SQLException {
        DataSource target = targetDataSource;
        String from = url;
        if (target != null && from != null) {
            throw new SQLException("this SignalsDataSource has both a targetDataSource (" + target
                    + ") and a url (" + JdbcUrls.redact(from) + "); set one of them");
        }
        if (target == null && from == null) {
            throw new SQLException("this SignalsDataSource has neither a targetDataSource nor a url; set one of them");
        }
        return target;
    }

    private Connection opened(Connection connection) throws SQLException {
        if (connection == null) {
            throw new SQLException("the target DataSource of " + this + " returned no connection");
        }
        return connection;
    }

    private Connection openFromUrl(String username, String secret) throws SQLException {
        String from = url;
        Properties info = new Properties();
        if (username != null) {
            info.setProperty("user", username);
        }
        if (secret != null) {
            info.setProperty("password", secret);
        }
        Driver driver = JdbcUrls.driverFor(from, from);
        Connection connection = driver.connect(from, info);
        if (connection == null) {
            throw new SQLException("driver " + driver.getClass().getName() + " accepts "
                    + JdbcUrls.redact(from) + " but returned no connection for it", "08001");
        }
        return Announcer.announce(connection, alias, JdbcUrls.redact(from));
    }

    /** Builds through the target's builder, or collects user and password for the URL. */
    private static final class Builder implements ConnectionBuilder {

        private final SignalsDataSource owner;
        private final ConnectionBuilder target;   // null: connect from the URL
        private String user;
        private String password;
        private boolean sharded;

        Builder(SignalsDataSource owner, ConnectionBuilder target) {
            this.owner = owner;
            this.target = target;
            this.user = owner.user;
            this.password = owner.password;
        }

        @Override
        public ConnectionBuilder user(String username) {
            if (target != null) {
                target.user(username);
            }
            this.user = username;
            return this;
        }

        @Override
        public ConnectionBuilder password(String password) {
            if (target != null) {
                target.password(password);
            }
            this.password = password;
            return this;
        }

        @Override
        public ConnectionBuilder shardingKey(ShardingKey shardingKey) {
            if (target != null) {
                target.shardingKey(shardingKey);
            }
            sharded |= shardingKey != null;
            return this;
        }

        @Override
        public ConnectionBuilder superShardingKey(ShardingKey superShardingKey) {
            if (target != null) {
                target.superShardingKey(superShardingKey);
            }
            sharded |= superShardingKey != null;
            return this;
        }

        @Override
        public Connection build() throws SQLException {
            if (target != null) {
                return Announcer.announce(owner.opened(target.build()), owner.alias, null);
            }
            if (sharded) {
                throw new SQLFeatureNotSupportedException("sharding keys need a target DataSource that supports"
                        + " them; this SignalsDataSource connects to " + JdbcUrls.redact(owner.url));
            }
            return owner.openFromUrl(user, password);
        }
    }
}
