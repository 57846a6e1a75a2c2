package signals.jpa.internal;

import java.util.List;
import signals.core.Signal;
import signals.core.spi.SignalAdapter;
import signals.core.spi.TransactionHost;
import signals.jpa.ModelSignals;

/**
 * Describes {@code signals.jpa} to {@code signals.core}'s discovery.
 *
 * @since 0.1
 */
public final class JpaAdapter implements SignalAdapter {

    /** Called by {@link java.util.ServiceLoader}. */
    public JpaAdapter() {
    }

    @Override
    public String host() {
        return "Hibernate ORM 7: event listeners from an Integrator, schema actions from a ServiceContributor";
    }

    @Override
    public List<Signal<?>> signals() {
        return List.of(ModelSignals.PRE_INIT, ModelSignals.POST_INIT, ModelSignals.PRE_SAVE, ModelSignals.POST_SAVE,
                ModelSignals.PRE_DELETE, ModelSignals.POST_DELETE, ModelSignals.M2M_CHANGED,
                ModelSignals.CLASS_PREPARED, ModelSignals.PRE_MIGRATE, ModelSignals.POST_MIGRATE);
    }

    /** Hibernate's transactions, watched through each session's transaction coordinator. */
    @Override
    public TransactionHost transactionHost() {
        return SessionTransaction::current;
    }
}
