package signals.relay.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import signals.core.Signal;
import signals.core.spi.HostTransaction;
import signals.core.spi.SignalAdapter;
import signals.core.spi.TransactionHost;
import signals.core.spi.TransactionWork;

/**
 * A transaction host driven by hand, registered by this jar's service file wherever the jar is on
 * the class path (the child JVMs of {@link Node}, and the tests' own JVMs): {@link #begin()} or
 * {@link #begin(Connection)}, then {@link Tx#commit()} or {@link Tx#rollback()}. It stands for a
 * real host such as signals.jpa's Hibernate transactions; over a JDBC connection it gives that
 * connection as the transaction's resource, as signals.jpa does for Hibernate's.
 */
public final class HandTransactions implements SignalAdapter {

    private static final ThreadLocal<Tx> CURRENT = new ThreadLocal<>();

    /** Called by ServiceLoader. */
    public HandTransactions() {
    }

    /**
     * Begins a transaction of this thread with no resource of its own: the relay defers its work
     * to the commit and has nothing to write in.
     *
     * @return the transaction, to commit or roll back on this thread
     */
    public static Tx begin() {
        return begun(new Tx(null));
    }

    /**
     * Begins a transaction of this thread on a JDBC connection, which it switches to manual
     * commits and gives as its resource: a transport that writes in the sending transaction
     * writes there.
     *
     * @param connection the connection the transaction runs on
     * @return the transaction, to commit or roll back on this thread
     * @throws SQLException if the connection refuses manual commits
     */
    public static Tx begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        return begun(new Tx(connection));
    }

    private static Tx begun(Tx tx) {
        CURRENT.set(tx);
        return tx;
    }

    @Override
    public String host() {
        return "transactions by hand (tests)";
    }

    @Override
    public List<Signal<?>> signals() {
        return List.of();
    }

    @Override
    public TransactionHost transactionHost() {
        return CURRENT::get;
    }

    /** One transaction by hand: the work deferred to it, and the connection it runs on, if any. */
    public static final class Tx implements HostTransaction {
        private final List<TransactionWork> work = new ArrayList<>();
        private final Connection connection;

        private Tx(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void defer(TransactionWork added) {
            work.add(added);
        }

        @Override
        public <R> Optional<R> resource(Class<R> type) {
            return connection != null && type == Connection.class ? Optional.of(type.cast(connection))
                    : Optional.empty();
        }

        /**
         * Commits as a host does: the before-commit work, the connection's commit (the whole
         * transaction rolled back if either fails), then the after-completion work.
         *
         * @throws SQLException if the connection's commit fails, after the rollback
         */
        public void commit() throws SQLException {
            try {
                for (int i = 0; i < work.size(); i++) {
                    work.get(i).beforeCommit();
                }
                if (connection != null) {
                    connection.commit();
                }
            } catch (SQLException | RuntimeException e) {
                rollback();
                throw e;
            }
            CURRENT.remove();
            for (int i = 0; i < work.size(); i++) {
                work.get(i).afterCompletion(true);
            }
        }

        /**
         * Rolls back: the connection's rollback, then the after-completion work, told it did not
         * commit.
         *
         * @throws SQLException if the connection's rollback fails
         */
        public void rollback() throws SQLException {
            CURRENT.remove();
            if (connection != null) {
                connection.rollback();
            }
            for (int i = 0; i < work.size(); i++) {
                work.get(i).afterCompletion(false);
            }
        }
    }
}
