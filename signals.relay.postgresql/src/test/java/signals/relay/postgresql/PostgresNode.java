package signals.relay.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;
import signals.relay.testkit.HandTransactions;
import signals.relay.testkit.Node;
import signals.relay.testkit.RelayNode;

/**
 * The main class of an instance in a child JVM of {@link PostgresClusterTests}: a
 * {@link RelayNode} over PostgreSQL, polling every 200 ms. The relay's connections are named
 * {@code relay-<id>} (so that a test can end them), the application's {@code app-<id>}: each of
 * its JDBC transactions by hand also inserts a row of its own into {@code <prefix>business}, the
 * number of its first ping.
 */
public final class PostgresNode {

    private PostgresNode() {
    }

    /**
     * Starts an instance on the tests' server.
     *
     * @param prefix the table prefix of the relay's tables and of {@code business}
     * @param application the application
     * @param id the instance id
     * @return the started instance
     * @throws Exception whatever fails
     */
    static Node start(String prefix, String application, String id) throws Exception {
        return Node.start(PostgresNode.class, id, Pg.url(), prefix, application, id);
    }

    /**
     * Runs one instance.
     *
     * @param args the JDBC URL, the table prefix, the application, the instance id
     * @throws Exception whatever fails
     */
    public static void main(String[] args) throws Exception {
        String prefix = args[1];
        String id = args[3];
        PostgresRelay transport = PostgresRelay.dataSource(source(args[0], "relay-" + id)).withTablePrefix(prefix)
                .withPollInterval(Duration.ofMillis(200));
        try (Connection app = source(args[0], "app-" + id).getConnection()) {
            RelayNode.run(args[2], id, transport, next -> {
                HandTransactions.Tx tx = HandTransactions.begin(app);
                try (PreparedStatement insert = app.prepareStatement("insert into " + prefix
                        + "business (n) values (?)")) {
                    insert.setLong(1, next);
                    insert.executeUpdate();
                }
                return tx;
            });
        }
    }

    private static PGSimpleDataSource source(String url, String name) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        source.setApplicationName(name);
        return source;
    }
}
