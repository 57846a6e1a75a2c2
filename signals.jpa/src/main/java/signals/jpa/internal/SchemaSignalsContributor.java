package signals.jpa.internal;

import java.util.Map;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.tool.schema.internal.SchemaManagementToolInitiator;
import org.hibernate.tool.schema.spi.SchemaManagementTool;

/**
 * Puts pre_migrate and post_migrate around every schema action: Hibernate finds this class with
 * {@link java.util.ServiceLoader} while it builds a service registry, and from then on gets the
 * schema management tool it would have used anyway, wrapped.
 *
 * <p>Every schema action of Hibernate goes through that tool: the one at boot, those of Jakarta
 * Persistence's {@code SchemaManager}, and {@code Persistence.generateSchema}. Adding an initiator,
 * rather than providing a {@code SchemaManagementTool} service, keeps the user's choice of tool
 * ({@code hibernate.schema_management_tool}) and never competes with another provider.
 *
 * @since 0.1
 */
public final class SchemaSignalsContributor implements ServiceContributor {

    /** Called by {@link java.util.ServiceLoader}. */
    public SchemaSignalsContributor() {
    }

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        builder.addInitiator(new Initiator());
    }

    /** Builds Hibernate's own tool, then wraps it. */
    private static final class Initiator implements StandardServiceInitiator<SchemaManagementTool> {

        @Override
        public Class<SchemaManagementTool> getServiceInitiated() {
            return SchemaManagementTool.class;
        }

        @Override
        public SchemaManagementTool initiateService(Map<String, Object> settings, ServiceRegistryImplementor registry) {
            SchemaManagementTool tool = SchemaManagementToolInitiator.INSTANCE.initiateService(settings, registry);
            return tool instanceof MigrationSignals ? tool : new MigrationSignals(tool);
        }
    }
}
