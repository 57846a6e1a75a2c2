package signals.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.ShardingKey;
import java.sql.ShardingKeyBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A target with JDBC 4.3 connection builders and sharding keys, which neither H2's nor
 * PostgreSQL's DataSource has (pooling data sources for sharded databases do): H2's DataSource
 * behind a builder that opens a real connection as the built user, and keeps the sharding keys
 * it was built with, since H2 has no shards to route them to.
 */
final class BuildingDataSource implements DataSource {

    /** A sharding key: its subkeys, in order. */
    record Key(List<Object> subkeys) implements ShardingKey {
    }

    private final JdbcDataSource h2;
    private final List<ShardingKey> keysBuiltWith = new CopyOnWriteArrayList<>();

    BuildingDataSource(JdbcDataSource h2) {
        this.h2 = h2;
    }

    /** The sharding keys, then the super sharding keys, of every connection built so far. */
    List<ShardingKey> keysBuiltWith() {
        return List.copyOf(keysBuiltWith);
    }

    @Override
    public ConnectionBuilder createConnectionBuilder() {
        return new ConnectionBuilder() {
            private String user;
            private String password;
            private final List<ShardingKey> keys = new ArrayList<>();

            @Override
            public ConnectionBuilder user(String username) {
                user = username;
                return this;
            }

            @Override
            public ConnectionBuilder password(String secret) {
                password = secret;
                return this;
            }

            @Override
            public ConnectionBuilder shardingKey(ShardingKey shardingKey) {
                keys.add(shardingKey);
                return this;
            }

            @Override
            public ConnectionBuilder superShardingKey(ShardingKey superShardingKey) {
                keys.add(superShardingKey);
                return this;
            }

            @Override
            public Connection build() throws SQLException {
                Connection connection = h2.getConnection(user, password);
                keysBuiltWith.addAll(keys);
                return connection;
            }
        };
    }

    @Override
    public ShardingKeyBuilder createShardingKeyBuilder() {
        return new ShardingKeyBuilder() {
            private final List<Object> subkeys = new ArrayList<>();

            @Override
            public ShardingKeyBuilder subkey(Object subkey, SQLType subkeyType) {
                subkeys.add(subkey);
                return this;
            }

            @Override
            public ShardingKey build() {
                return new Key(List.copyOf(subkeys));
            }
        };
    }

    @Override
    public Connection getConnection() throws SQLException {
        return h2.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return h2.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return h2.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        h2.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        h2.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return h2.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return h2.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : h2.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || h2.isWrapperFor(iface);
    }
}
