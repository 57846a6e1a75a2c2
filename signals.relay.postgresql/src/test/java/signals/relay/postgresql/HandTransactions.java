package signals.relay.postgresql;

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
 * A transaction host driven by hand over a real JDBC connection, registered by the test
 * resources' service file on the class path (the class-path test execution and the child JVMs):
 * {@link #begin}, then {@link Tx#commit()} or {@link Tx#rollback()}. It gives its connection as
 * the transaction's resource, as signals.jpa does for Hibernate's.
 */
public final class HandTransactions implements SignalAdapter {

    private static final ThreadLocal<Tx> CURRENT = new ThreadLocal<>();

    /** Called by ServiceLoader. */
    public HandTransactions() {
    }

    static Tx begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        Tx tx = new Tx(connection);
        CURRENT.set(tx);
        return tx;
    }

    @Override
    public String host() {
        return "JDBC transactions by hand (tests)";
    }

    @Override
    public List<Signal<?>> signals() {
        return List.of();
    }

    @Override
    public TransactionHost transactionHost() {
        return CURRENT::get;
    }

    static final class Tx implements HostTransaction {
        private final List<TransactionWork> work = new ArrayList<>();
        final Connection connection;

        Tx(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void defer(TransactionWork added) {
            work.add(added);
        }

        @Override
        public <R> Optional<R> resource(Class<R> type) {
            return type == Connection.class ? Optional.of(type.cast(connection)) : Optional.empty();
        }

        /** Commits as a host does: before-commit work, the commit (rolled back if either fails), then after. */
        void commit() throws SQLException {
            try {
                for (int i = 0; i < work.size(); i++) {
                    work.get(i).beforeCommit();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback();
                throw e;
            }
            CURRENT.remove();
            for (int i = 0; i < work.size(); i++) {
                work.get(i).afterCompletion(true);
            }
        }

        void rollback() throws SQLException {
            CURRENT.remove();
            connection.rollback();
            for (int i = 0; i < work.size(); i++) {
                work.get(i).afterCompletion(false);
            }
        }
    }
}
