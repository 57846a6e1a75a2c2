package signals.relay.nats;

import java.util.ArrayList;
import java.util.List;
import signals.core.Signal;
import signals.core.spi.HostTransaction;
import signals.core.spi.SignalAdapter;
import signals.core.spi.TransactionHost;
import signals.core.spi.TransactionWork;

/**
 * A transaction host driven by hand, for the child JVMs (on the class path, where the test
 * resources' service file registers it): {@link #begin()}, then {@link Tx#commit()} or
 * {@link Tx#rollback()}. It stands for signals.jpa's Hibernate transactions.
 */
public final class HandTransactions implements SignalAdapter {

    private static final ThreadLocal<Tx> CURRENT = new ThreadLocal<>();

    /** Called by ServiceLoader. */
    public HandTransactions() {
    }

    static Tx begin() {
        Tx tx = new Tx();
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

    static final class Tx implements HostTransaction {
        private final List<TransactionWork> work = new ArrayList<>();

        @Override
        public void defer(TransactionWork added) {
            work.add(added);
        }

        void commit() {
            for (int i = 0; i < work.size(); i++) {
                work.get(i).beforeCommit();
            }
            CURRENT.remove();
            for (int i = 0; i < work.size(); i++) {
                work.get(i).afterCompletion(true);
            }
        }

        void rollback() {
            CURRENT.remove();
            for (int i = 0; i < work.size(); i++) {
                work.get(i).afterCompletion(false);
            }
        }
    }
}
