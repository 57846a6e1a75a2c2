package signals.jpa.internal;

import java.util.Map;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.jdbc.spi.PhysicalConnectionHandlingMode;
import org.hibernate.resource.transaction.internal.TransactionCoordinatorBuilderInitiator;
import org.hibernate.resource.transaction.spi.DdlTransactionIsolator;
import org.hibernate.resource.transaction.spi.TransactionCoordinator;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorOwner;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.tool.schema.internal.exec.JdbcContext;

/**
 * Lets receivers with a transaction phase wait for Hibernate's transactions: Hibernate finds this
 * class with {@link java.util.ServiceLoader} while it builds a service registry, and from then on
 * gets the transaction coordinator builder it would have used anyway (resource-local or JTA, as
 * configured), wrapped so that each session's coordinator gets a {@link SessionTransaction}
 * observer.
 *
 * <p>Why the builder: it is the one place where Hibernate hands over each session together with
 * its coordinator, on every Hibernate 7 line and for both kinds of transaction, without a
 * setting the application would have to add or could clash with (an interceptor, a session
 * events listener).
 *
 * @since 0.9
 */
public final class TransactionSignalsContributor implements ServiceContributor {

    /** Called by {@link java.util.ServiceLoader}. */
    public TransactionSignalsContributor() {
    }

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        builder.addInitiator(new Initiator());
    }

    /** Builds Hibernate's own builder, then wraps it. */
    private static final class Initiator implements StandardServiceInitiator<TransactionCoordinatorBuilder> {

        @Override
        public Class<TransactionCoordinatorBuilder> getServiceInitiated() {
            return TransactionCoordinatorBuilder.class;
        }

        @Override
        public TransactionCoordinatorBuilder initiateService(Map<String, Object> settings,
                                                             ServiceRegistryImplementor registry) {
            TransactionCoordinatorBuilder builder =
                    TransactionCoordinatorBuilderInitiator.INSTANCE.initiateService(settings, registry);
            return builder instanceof Observing ? builder : new Observing(builder);
        }
    }

    /** Hibernate's builder, adding an observer to each session's coordinator. */
    private static final class Observing implements TransactionCoordinatorBuilder {
        // Hibernate's services are Serializable; this one is as serializable as the builder it wraps.
        private static final long serialVersionUID = 1L;

        private final TransactionCoordinatorBuilder builder;

        Observing(TransactionCoordinatorBuilder builder) {
            this.builder = builder;
        }

        @Override
        public TransactionCoordinator buildTransactionCoordinator(TransactionCoordinatorOwner owner, Options options) {
            TransactionCoordinator coordinator = builder.buildTransactionCoordinator(owner, options);
            // Hibernate passes the session as the options; other callers (its metadata access
            // at boot) pass something else and run no transaction of the application.
            if (options instanceof SharedSessionContractImplementor) {
                SessionTransaction.observe((SharedSessionContractImplementor) options, coordinator);
            }
            return coordinator;
        }

        @Override
        public boolean isJta() {
            return builder.isJta();
        }

        @Override
        public PhysicalConnectionHandlingMode getDefaultConnectionHandlingMode() {
            return builder.getDefaultConnectionHandlingMode();
        }

        @Override
        public DdlTransactionIsolator buildDdlTransactionIsolator(JdbcContext jdbcContext) {
            return builder.buildDdlTransactionIsolator(jdbcContext);
        }
    }
}
