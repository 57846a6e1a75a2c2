package signals.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import signals.core.spi.HostTransaction;
import signals.core.spi.SignalAdapter;
import signals.core.spi.TransactionHost;
import signals.core.spi.TransactionWork;

/**
 * A transaction host the tests drive by hand: {@link #begin} binds a transaction to the thread,
 * {@link Tx#commit} and {@link Tx#rollback} run its queued work as a real host does (before
 * commit in queue order, work queued meanwhile included; a before-commit failure rolls back).
 */
final class TestTransactions implements SignalAdapter {

    private static final ThreadLocal<Tx> CURRENT = new ThreadLocal<>();

    static final TransactionHost HOST = CURRENT::get;

    /** Makes the host known to the core, as discovery would. */
    static void install() {
        Discovery.ensureDone();
        Catalogue.addAdapters(List.of(new Catalogue.Installed(new TestTransactions(), List.of(), HOST)));
    }

    static void uninstall() {
        CURRENT.remove();
        Catalogue.forgetAdapters(type -> type == TestTransactions.class);
    }

    static Tx begin(Map<Class<?>, Object> resources) {
        Tx tx = new Tx(resources);
        CURRENT.set(tx);
        return tx;
    }

    static Tx begin() {
        return begin(Map.of());
    }

    @Override
    public String host() {
        return "test transactions";
    }

    @Override
    public List<Signal<?>> signals() {
        return List.of();
    }

    @Override
    public TransactionHost transactionHost() {
        return HOST;
    }

    /** One transaction. */
    static final class Tx implements HostTransaction {
        final List<TransactionWork> work = new ArrayList<>();
        private final Map<Class<?>, Object> resources;

        Tx(Map<Class<?>, Object> resources) {
            this.resources = resources;
        }

        @Override
        public void defer(TransactionWork queued) {
            work.add(queued);
        }

        @Override
        public <R> Optional<R> resource(Class<R> type) {
            return Optional.ofNullable(type.cast(resources.get(type)));
        }

        void commit() {
            try {
                for (int i = 0; i < work.size(); i++) {
                    work.get(i).beforeCommit();
                }
            } catch (RuntimeException e) {
                end(false);
                throw e;
            }
            end(true);
        }

        void rollback() {
            end(false);
        }

        private void end(boolean committed) {
            CURRENT.remove();
            for (TransactionWork queued : work) {
                queued.afterCompletion(committed);
            }
        }
    }
}
