package signals.jdbc;

import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.ShardingKeyBuilder;
import java.util.logging.Logger;

/**
 * Where a {@link SignalsDataSource} gets its connections: from a target {@code DataSource}
 * ({@link WrappedMode}) or from a JDBC URL through its driver ({@link UrlMode}), as HikariCP keeps
 * its data source apart from the {@code DriverDataSource} it uses for a URL. Each mode announces
 * every connection it opens.
 */
interface ConnectionMode {

    /** Opens a connection as the configured user. */
    Connection open() throws SQLException;

    /** Opens a connection as this user. */
    Connection open(String user, String password) throws SQLException;

    ConnectionBuilder builder() throws SQLException;

    ShardingKeyBuilder shardingKeyBuilder() throws SQLException;

    Logger parentLogger() throws SQLFeatureNotSupportedException;

    /** What {@link SignalsDataSource#unwrap} reaches beyond the data source itself. */
    <T> T unwrap(Class<T> iface) throws SQLException;

    boolean isWrapperFor(Class<?> iface) throws SQLException;
}
