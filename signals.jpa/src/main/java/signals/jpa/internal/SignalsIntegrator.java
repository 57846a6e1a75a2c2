package signals.jpa.internal;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerGroup;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.DeleteEventListener;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import signals.core.spi.SignalAdapter;
import signals.jpa.ClassPrepared;
import signals.jpa.ModelSignals;

/**
 * Plugs the model signals into each Hibernate session factory: Hibernate finds this class with
 * {@link java.util.ServiceLoader} and calls it while the factory is built.
 *
 * <p>It registers listener instances (never classes, so that Hibernate reflects over nothing of
 * this module), one set per factory, which die with the factory: closing a unit leaves nothing
 * behind. It keeps no state itself, as Hibernate may share one instance between factories.
 *
 * @since 0.1
 */
public final class SignalsIntegrator implements Integrator {

    /** Called by {@link java.util.ServiceLoader}. */
    public SignalsIntegrator() {
    }

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
        String using = Units.name(factory.getName());
        Associations.booted(factory, metadata);
        EventListenerRegistry registry = factory.getEventListenerRegistry();

        SaveSignals saves = new SaveSignals(using);
        // Before Hibernate's own dirty check and before Bean Validation, so that what pre_save
        // receivers change is checked, validated and written like the application's changes.
        registry.prependListeners(EventType.FLUSH_ENTITY, saves);
        registry.prependListeners(EventType.PRE_INSERT, saves);
        registry.appendListeners(EventType.POST_INSERT, saves);
        registry.appendListeners(EventType.POST_UPDATE, saves);

        EventListenerGroup<DeleteEventListener> deletes = registry.getEventListenerGroup(EventType.DELETE);
        List<DeleteEventListener> hibernates = new ArrayList<>();
        deletes.fireEventOnEachListener(hibernates, (listener, list) -> list.add(listener));
        DeleteSignals deleteSignals = new DeleteSignals(hibernates, using);
        registry.setListeners(EventType.DELETE, deleteSignals);
        registry.appendListeners(EventType.PRE_DELETE, deleteSignals);
        registry.appendListeners(EventType.POST_DELETE, deleteSignals);

        InitSignals inits = new InitSignals(using);
        registry.appendListeners(EventType.PRE_LOAD, inits);
        registry.appendListeners(EventType.POST_LOAD, inits);

        CollectionSignals collections = new CollectionSignals(using);
        registry.appendListeners(EventType.PRE_COLLECTION_RECREATE, collections);
        registry.appendListeners(EventType.PRE_COLLECTION_UPDATE, collections);
        registry.appendListeners(EventType.PRE_COLLECTION_REMOVE, collections);
        registry.appendListeners(EventType.POST_COLLECTION_RECREATE, collections);
        registry.appendListeners(EventType.POST_COLLECTION_UPDATE, collections);
        registry.appendListeners(EventType.POST_COLLECTION_REMOVE, collections);

        for (PersistentClass entity : Units.entities(metadata)) {
            Class<?> model = entity.getMappedClass();
            SignalAdapter.event(ModelSignals.CLASS_PREPARED, model).fire(new ClassPrepared(model, entity.getEntityName(), using));
        }
    }

    @Override
    public void disintegrate(SessionFactoryImplementor factory, SessionFactoryServiceRegistry registry) {
        Associations.closed(factory);
    }
}
