package signals.jdbc;

import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.ShardingKey;
import java.sql.ShardingKeyBuilder;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Connections from a target {@code DataSource}: everything but the announcement is the target's. */
final class WrappedMode implements ConnectionMode {

    private final DataSource target;
    private final String alias;

    WrappedMode(DataSource target, String alias) {
        this.target = target;
        this.alias = alias;
    }

    @Override
    public Connection open() throws SQLException {
        return announce(target.getConnection());
    }

    @Override
    public Connection open(String user, String password) throws SQLException {
        return announce(target.getConnection(user, password));
    }

    @Override
    public ConnectionBuilder builder() throws SQLException {
        return new Builder(target.createConnectionBuilder());
    }

    @Override
    public ShardingKeyBuilder shardingKeyBuilder() throws SQLException {
        return target.createShardingKeyBuilder();
    }

    @Override
    public Logger parentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(target) ? iface.cast(target) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(target) || target.isWrapperFor(iface);
    }

    private Connection announce(Connection connection) throws SQLException {
        if (connection == null) {
            throw new SQLException("the target DataSource " + target + " of data source '" + alias
                    + "' returned no connection");
        }
        return Announcer.announce(connection, alias, null);
    }

    /** The target's builder, announcing what it builds. */
    private final class Builder implements ConnectionBuilder {

        private final ConnectionBuilder builder;

        Builder(ConnectionBuilder builder) {
            this.builder = builder;
        }

        @Override
        public ConnectionBuilder user(String username) {
            builder.user(username);
            return this;
        }

        @Override
        public ConnectionBuilder password(String password) {
            builder.password(password);
            return this;
        }

        @Override
        public ConnectionBuilder shardingKey(ShardingKey shardingKey) {
            builder.shardingKey(shardingKey);
            return this;
        }

        @Override
        public ConnectionBuilder superShardingKey(ShardingKey superShardingKey) {
            builder.superShardingKey(superShardingKey);
            return this;
        }

        @Override
        public Connection build() throws SQLException {
            return announce(builder.build());
        }
    }
}
