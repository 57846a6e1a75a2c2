package signals.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import signals.core.Signal;
import signals.core.spi.HostTransaction;
import signals.core.spi.SignalAdapter;
import signals.core.spi.TransactionHost;
import signals.core.spi.TransactionWork;

/**
 * Transactions by hand for the relay's own tests, registered by the test resources' service file:
 * on the class path only, since a service file does not register anything for a named module.
 * The transport modules' tests use the testkit's fuller host, which also holds a connection.
 */
public final class LoopTransactions implements SignalAdapter {

    private static final ThreadLocal<Tx> CURRENT = new ThreadLocal<>();

    /** Called by ServiceLoader. */
    public LoopTransactions() {
    }

    static Tx begin() {
        Tx tx = new Tx();
        CURRENT.set(tx);
        return tx;
    }

    @Override
    public String host() {
        return "loop transactions (tests)";
    }

    @Override
    public List<Signal<?>> signals() {
        return List.of();
    }

    @Override
    public TransactionHost transactionHost() {
        return CURRENT::get;
    }

    /** One transaction of this thread: its deferred work runs at the commit or the rollback. */
    static final class Tx implements HostTransaction {
        private final List<TransactionWork> work = new ArrayList<>();

        @Override
        public void defer(TransactionWork added) {
            work.add(added);
        }

        @Override
        public <R> Optional<R> resource(Class<R> type) {
            return Optional.empty();
        }

        void commit() {
            for (int i = 0; i < work.size(); i++) {
                work.get(i).beforeCommit();
            }
            end(true);
        }

        void rollback() {
            end(false);
        }

        private void end(boolean committed) {
            CURRENT.remove();
            for (int i = 0; i < work.size(); i++) {
                work.get(i).afterCompletion(committed);
            }
        }
    }
}
