package signals.jpa.internal;

import static signals.jpa.ModelSignals.POST_DELETE;
import static signals.jpa.ModelSignals.PRE_DELETE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.EntityEntryExtraState;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import signals.core.spi.SignalAdapter;
import signals.jpa.PostDelete;
import signals.jpa.PreDelete;

/**
 * pre_delete and post_delete for one session factory, in Django's order: every pre_delete of a
 * removal, cascaded children first, before any row is deleted, each with the removed entity as
 * {@code origin}; then post_delete after each row's DELETE.
 *
 * <p>This listener stands in for Hibernate's own delete listeners and calls them, so that it sees
 * a whole removal, cascades included, and can tell the removal the application asked for from the
 * removals it cascaded to: nested calls find the removal in progress in {@link #CURRENT}.
 */
final class DeleteSignals implements DeleteEventListener, PreDeleteEventListener, PostDeleteEventListener {

    /** The removal in progress in this thread; set only during a call, so it never outlives one. */
    private static final ThreadLocal<Removal> CURRENT = new ThreadLocal<>();

    private final List<DeleteEventListener> hibernates;
    private final String using;
    /**
     * The origin of the row being deleted by each thread, from its pre-delete event to its
     * post-delete event. Held by this factory's listener rather than a thread local, so that a
     * DELETE that fails in between leaves nothing pinned beyond the factory's life.
     */
    private final Map<Thread, OriginState> deleting = new ConcurrentHashMap<>();

    DeleteSignals(List<DeleteEventListener> hibernates, String using) {
        this.hibernates = List.copyOf(hibernates);
        this.using = using;
    }

    @Override
    public void onDelete(DeleteEvent event) {
        if (!SignalAdapter.isHeard(PRE_DELETE) && !SignalAdapter.isHeard(POST_DELETE)) {
            hibernates.forEach(listener -> listener.onDelete(event));
            return;
        }
        watch(event, () -> hibernates.forEach(listener -> listener.onDelete(event)));
    }

    @Override
    public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
        if (!SignalAdapter.isHeard(PRE_DELETE) && !SignalAdapter.isHeard(POST_DELETE)) {
            hibernates.forEach(listener -> listener.onDelete(event, transientEntities));
            return;
        }
        watch(event, () -> hibernates.forEach(listener -> listener.onDelete(event, transientEntities)));
    }

    private void watch(DeleteEvent event, Runnable hibernate) {
        PersistenceContext context = event.getSession().getPersistenceContextInternal();
        boolean wasLive = isLive(event.getObject(), context);
        Removal outer = CURRENT.get();
        Removal removal = outer != null ? outer : new Removal();
        if (outer == null) {
            CURRENT.set(removal);
        }
        try {
            hibernate.run();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            }
        }
        Object entity = implementation(event.getObject());
        EntityEntry entry = context.getEntry(entity);
        if (wasLive && entry != null && entry.getStatus() == Status.DELETED) {
            removal.add(entity, entry);
        }
        if (outer == null) {
            removal.announce(entity, using, event.getSession());
        }
    }

    /** Whether the object is about to be deleted for the first time, rather than again. */
    private static boolean isLive(Object object, PersistenceContext context) {
        LazyInitializer proxy = HibernateProxy.extractLazyInitializer(object);
        if (proxy != null && proxy.isUninitialized()) {
            return true;
        }
        EntityEntry entry = context.getEntry(implementation(object));
        return entry == null || !entry.getStatus().isDeletedOrGone();
    }

    /** The entity behind a proxy, once Hibernate has loaded it, or the object itself. */
    private static Object implementation(Object object) {
        LazyInitializer proxy = HibernateProxy.extractLazyInitializer(object);
        return proxy == null || proxy.isUninitialized() ? object : proxy.getImplementation();
    }

    @Override
    public boolean onPreDelete(PreDeleteEvent event) {
        EntityEntry entry = event.getSession().getPersistenceContextInternal().getEntry(event.getEntity());
        OriginState origin = entry == null ? null : entry.getExtraState(OriginState.class);
        if (origin != null) {
            deleting.put(Thread.currentThread(), origin);
        }
        return false;
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        OriginState state = deleting.remove(Thread.currentThread());
        Class<?> model = event.getPersister().getMappedClass();
        var postDelete = SignalAdapter.event(POST_DELETE, model);
        if (postDelete.isHeard()) {
            Object entity = event.getEntity();
            Object origin = state != null && state.entity == entity ? state.origin : entity;
            ReceiverSession.send(event.getSession(), entityManager ->
                    postDelete.fire(new PostDelete<>(entity, origin, using, entityManager)));
        }
    }

    /** The entities one removal deleted, in the order Hibernate finished them: cascades first. */
    private static final class Removal {
        private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        private final List<Object> entities = new ArrayList<>();
        private final List<EntityEntry> entries = new ArrayList<>();

        void add(Object entity, EntityEntry entry) {
            if (seen.add(entity)) {
                entities.add(entity);
                entries.add(entry);
            }
        }

        void announce(Object origin, String using, SharedSessionContractImplementor session) {
            for (int i = 0; i < entities.size(); i++) {
                Object entity = entities.get(i);
                EntityEntry entry = entries.get(i);
                entry.addExtraState(new OriginState(entity, origin));
                Class<?> model = entry.getPersister().getMappedClass();
                var preDelete = SignalAdapter.event(PRE_DELETE, model);
                ReceiverSession.send(session, entityManager ->
                        preDelete.fire(new PreDelete<>(entity, origin, using, entityManager)));
            }
        }
    }

    /** The origin of a deleted entity, kept on its entry until its row is deleted. */
    private static final class OriginState implements EntityEntryExtraState {
        final Object entity;
        final Object origin;
        private EntityEntryExtraState next;

        OriginState(Object entity, Object origin) {
            this.entity = entity;
            this.origin = origin;
        }

        @Override
        public void addExtraState(EntityEntryExtraState extraState) {
            if (next == null) {
                next = extraState;
            } else {
                next.addExtraState(extraState);
            }
        }

        @Override
        public <T extends EntityEntryExtraState> T getExtraState(Class<T> extraStateType) {
            if (extraStateType.isInstance(this)) {
                return extraStateType.cast(this);
            }
            return next == null ? null : next.getExtraState(extraStateType);
        }
    }
}
