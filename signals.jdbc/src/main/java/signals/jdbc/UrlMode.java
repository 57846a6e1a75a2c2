package signals.jdbc;

import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.ShardingKey;
import java.sql.ShardingKeyBuilder;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Connections from a JDBC URL, through the driver that {@link java.sql.DriverManager} has for it,
 * as the configured user or the one asked for.
 */
final class UrlMode implements ConnectionMode {

    private final String url;
    private final String user;
    private final String password;
    private final String alias;

    UrlMode(String url, String user, String password, String alias) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.alias = alias;
    }

    @Override
    public Connection open() throws SQLException {
        return open(user, password);
    }

    @Override
    public Connection open(String username, String secret) throws SQLException {
        Properties info = new Properties();
        if (username != null) {
            info.setProperty("user", username);
        }
        if (secret != null) {
            info.setProperty("password", secret);
        }
        Driver driver = JdbcUrls.driverFor(url, url);
        Connection connection = driver.connect(url, info);
        if (connection == null) {
            throw new SQLException("driver " + driver.getClass().getName() + " accepts "
                    + JdbcUrls.redact(url) + " but returned no connection for it", "08001");
        }
        return Announcer.announce(connection, alias, JdbcUrls.redact(url));
    }

    @Override
    public ConnectionBuilder builder() {
        return new Builder();
    }

    @Override
    public ShardingKeyBuilder shardingKeyBuilder() throws SQLFeatureNotSupportedException {
        throw noSharding();
    }

    @Override
    public Logger parentLogger() throws SQLFeatureNotSupportedException {
        try {
            return JdbcUrls.driverFor(url, url).getParentLogger();
        } catch (SQLFeatureNotSupportedException e) {
            throw e;
        } catch (SQLException e) {
            throw new SQLFeatureNotSupportedException(e.getMessage(), e.getSQLState(), e);
        }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("this SignalsDataSource wraps no DataSource (it connects to "
                + JdbcUrls.redact(url) + "), so it cannot be unwrapped to " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }

    private SQLFeatureNotSupportedException noSharding() {
        return new SQLFeatureNotSupportedException("sharding keys need a target DataSource that supports them;"
                + " this SignalsDataSource connects to " + JdbcUrls.redact(url));
    }

    /** Collects user and password; sharding keys need a target data source. */
    private final class Builder implements ConnectionBuilder {

        private String builderUser = user;
        private String builderPassword = password;
        private boolean sharded;

        @Override
        public ConnectionBuilder user(String username) {
            this.builderUser = username;
            return this;
        }

        @Override
        public ConnectionBuilder password(String secret) {
            this.builderPassword = secret;
            return this;
        }

        @Override
        public ConnectionBuilder shardingKey(ShardingKey shardingKey) {
            sharded |= shardingKey != null;
            return this;
        }

        @Override
        public ConnectionBuilder superShardingKey(ShardingKey superShardingKey) {
            sharded |= superShardingKey != null;
            return this;
        }

        @Override
        public Connection build() throws SQLException {
            if (sharded) {
                throw noSharding();
            }
            return open(builderUser, builderPassword);
        }
    }
}
