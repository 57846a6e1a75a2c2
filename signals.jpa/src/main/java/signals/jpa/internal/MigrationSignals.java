package signals.jpa.internal;

import static signals.jpa.ModelSignals.POST_MIGRATE;
import static signals.jpa.ModelSignals.PRE_MIGRATE;

import java.util.List;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.service.spi.ServiceRegistryAwareService;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.tool.schema.Action;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.internal.exec.JdbcContext;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.DelayedDropAction;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.ExtractionTool;
import org.hibernate.tool.schema.spi.GenerationTarget;
import org.hibernate.tool.schema.spi.GeneratorSynchronizer;
import org.hibernate.tool.schema.spi.SchemaCreator;
import org.hibernate.tool.schema.spi.SchemaDropper;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.SchemaMigrator;
import org.hibernate.tool.schema.spi.SchemaPopulator;
import org.hibernate.tool.schema.spi.SchemaTruncator;
import org.hibernate.tool.schema.spi.SchemaValidator;
import org.hibernate.tool.schema.spi.SourceDescriptor;
import org.hibernate.tool.schema.spi.TargetDescriptor;
import signals.core.spi.SignalAdapter;
import signals.jpa.PostMigrate;
import signals.jpa.PreMigrate;
import signals.jpa.SchemaAction;

/**
 * Hibernate's schema management tool with pre_migrate before and post_migrate after each action
 * that reaches the database; script generation sends nothing. The action is read from the
 * settings the tool is given, as Hibernate's coordinator reads it: {@code create} (drop, then
 * create) sends pre_migrate before its drop and post_migrate after its create.
 */
final class MigrationSignals implements SchemaManagementTool, ServiceRegistryAwareService {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial")   // Hibernate's own tools are serializable; another may not be
    private final SchemaManagementTool tool;
    /** The last unit's classes this tool saw, for the actions that are given no metadata. */
    @SuppressWarnings("serial")
    private volatile List<Class<?>> models = List.of();

    MigrationSignals(SchemaManagementTool tool) {
        this.tool = tool;
    }

    @Override
    public void injectServices(ServiceRegistryImplementor registry) {
        if (tool instanceof ServiceRegistryAwareService aware) {
            aware.injectServices(registry);
        }
    }

    @Override
    public SchemaCreator getSchemaCreator(Map<String, Object> options) {
        SchemaCreator creator = tool.getSchemaCreator(options);
        return (metadata, execution, filter, source, target) -> {
            Action action = action(options);
            boolean afterDrop = action == Action.CREATE || action == Action.CREATE_DROP;
            around(action, metadata, options, target, !afterDrop, true,
                    () -> creator.doCreation(metadata, execution, filter, source, target));
        };
    }

    @Override
    public SchemaDropper getSchemaDropper(Map<String, Object> options) {
        SchemaDropper dropper = tool.getSchemaDropper(options);
        return new SchemaDropper() {
            @Override
            public void doDrop(Metadata metadata, ExecutionOptions execution,
                               ContributableMatcher filter,
                               SourceDescriptor source, TargetDescriptor target) {
                Action action = action(options);
                boolean beforeCreate = action == Action.CREATE || action == Action.CREATE_DROP;
                around(beforeCreate ? action : Action.DROP, metadata, options, target, true, !beforeCreate,
                        () -> dropper.doDrop(metadata, execution, filter, source, target));
            }

            @Override
            public DelayedDropAction buildDelayedAction(Metadata metadata, ExecutionOptions execution,
                                                        ContributableMatcher filter,
                                                        SourceDescriptor source) {
                DelayedDropAction drop = dropper.buildDelayedAction(metadata, execution, filter, source);
                List<Class<?>> unit = Units.models(metadata);
                return registry -> around(Action.DROP, unit, options, null, true, true, () -> drop.perform(registry));
            }
        };
    }

    @Override
    public SchemaMigrator getSchemaMigrator(Map<String, Object> options) {
        SchemaMigrator migrator = tool.getSchemaMigrator(options);
        return (metadata, execution, filter, target) -> around(Action.UPDATE, metadata, options, target, true, true,
                () -> migrator.doMigration(metadata, execution, filter, target));
    }

    @Override
    public SchemaValidator getSchemaValidator(Map<String, Object> options) {
        SchemaValidator validator = tool.getSchemaValidator(options);
        return (metadata, execution, filter) -> around(Action.VALIDATE, metadata, options, null, true, true,
                () -> validator.doValidation(metadata, execution, filter));
    }

    @Override
    public SchemaPopulator getSchemaPopulator(Map<String, Object> options) {
        SchemaPopulator populator = tool.getSchemaPopulator(options);
        return (execution, target) -> around(Action.POPULATE, models, options, target, true, true,
                () -> populator.doPopulation(execution, target));
    }

    @Override
    public SchemaTruncator getSchemaTruncator(Map<String, Object> options) {
        SchemaTruncator truncator = tool.getSchemaTruncator(options);
        return (metadata, execution, filter, target) -> around(Action.TRUNCATE, metadata, options, target, true, true,
                () -> truncator.doTruncate(metadata, execution, filter, target));
    }

    @Override
    public GeneratorSynchronizer getSequenceSynchronizer(Map<String, Object> options) {
        GeneratorSynchronizer synchronizer = tool.getSequenceSynchronizer(options);
        return (metadata, execution, filter, target) -> around(Action.SYNCHRONIZE, metadata, options, target, true,
                true, () -> synchronizer.doSynchronize(metadata, execution, filter, target));
    }

    @Override
    public void setCustomDatabaseGenerationTarget(GenerationTarget target) {
        tool.setCustomDatabaseGenerationTarget(target);
    }

    @Override
    public ExtractionTool getExtractionTool() {
        return tool.getExtractionTool();
    }

    @Override
    public GenerationTarget[] buildGenerationTargets(TargetDescriptor target, JdbcContext context,
                                                     Map<String, Object> options, boolean needsAutoCommit) {
        return tool.buildGenerationTargets(target, context, options, needsAutoCommit);
    }

    private void around(Action action, Metadata metadata, Map<String, Object> options, TargetDescriptor target,
                        boolean pre, boolean post, Runnable work) {
        List<Class<?>> unit = Units.models(metadata);
        models = unit;
        around(action, unit, options, target, pre, post, work);
    }

    private static void around(Action action, List<Class<?>> models, Map<String, Object> options,
                               TargetDescriptor target, boolean pre, boolean post, Runnable work) {
        if (target != null && !target.getTargetTypes().contains(TargetType.DATABASE)) {
            work.run();
            return;
        }
        String using = Units.name(options);
        SchemaAction name = SchemaAction.valueOf(action.name());   // same names, NONE never runs
        if (pre) {
            SignalAdapter.event(PRE_MIGRATE, using).fire(new PreMigrate(name, models, using));
        }
        work.run();
        if (post) {
            SignalAdapter.event(POST_MIGRATE, using).fire(new PostMigrate(name, models, using));
        }
    }

    /** The database action these settings ask for, read as Hibernate's coordinator reads them. */
    private static Action action(Map<String, Object> options) {
        Object jpa = options.get(SchemaToolingSettings.JAKARTA_HBM2DDL_DATABASE_ACTION);
        if (jpa != null) {
            return Action.interpretJpaSetting(jpa);
        }
        return Action.interpretHbm2ddlSetting(options.get(SchemaToolingSettings.HBM2DDL_AUTO));
    }
}
