package signals.jpa.internal;

import static signals.jpa.ModelSignals.M2M_CHANGED;
import static signals.jpa.internal.HibernateLines.collectionPersister;

import jakarta.persistence.EntityManager;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.CollectionEntry;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEvent;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PreCollectionRecreateEvent;
import org.hibernate.event.spi.PreCollectionRecreateEventListener;
import org.hibernate.event.spi.PreCollectionRemoveEvent;
import org.hibernate.event.spi.PreCollectionRemoveEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import signals.core.spi.SignalAdapter;
import signals.jpa.M2mChanged;
import signals.jpa.M2mChanged.Action;

/**
 * m2m_changed for one session factory. Hibernate's collection events say which collection is
 * written, not what changed in it: the change is the difference between the collection's snapshot
 * (its contents when loaded or last flushed) and its contents now, by element id, computed before
 * the SQL and announced again after it.
 *
 * <p>Replacing a collection object makes Hibernate delete every row of the old one, then insert
 * every row of the new one: the removal announces only what is gone, and leaves what is new for
 * the re-creation to announce, so a replacement reads as removes and adds, as Django's
 * {@code set()}.
 */
final class CollectionSignals implements PreCollectionRecreateEventListener, PreCollectionUpdateEventListener,
        PreCollectionRemoveEventListener, PostCollectionRecreateEventListener, PostCollectionUpdateEventListener,
        PostCollectionRemoveEventListener {

    private final String using;
    /** Owning-side role of each many-to-many role, as the association's name. */
    private final Map<String, String> associations = new ConcurrentHashMap<>();
    /**
     * What each collection's pre events announced, for its post events; and, for a collection that
     * replaced another, the ids already there. Entries live from a pre event to its post event.
     */
    private final Map<Object, List<Change>> announced = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<Object, Set<Object>> replaced = Collections.synchronizedMap(new IdentityHashMap<>());

    CollectionSignals(String using) {
        this.using = using;
    }

    @Override
    public void onPreRecreateCollection(PreCollectionRecreateEvent event) {
        if (!concerns(event)) {
            return;
        }
        Set<Object> before = replaced.remove(event.getCollection());
        Set<Object> now = ids(contents(event.getCollection()), event);
        if (before != null) {
            now.removeAll(before);
        }
        List<Change> changes = new ArrayList<>(1);
        add(changes, Action.PRE_ADD, now, event);
        announce(event, changes);
    }

    @Override
    public void onPreUpdateCollection(PreCollectionUpdateEvent event) {
        if (!concerns(event)) {
            return;
        }
        PersistentCollection<?> collection = event.getCollection();
        if (!collection.wasInitialized()) {
            // Changes to an unloaded mappedBy collection were queued, and Hibernate has already
            // applied and forgotten the queue: there is no telling what changed, and nothing is
            // written for that side anyway.
            return;
        }
        Set<Object> before = ids(snapshot(event), event);
        List<Change> changes = new ArrayList<>(2);
        if (collection.empty()) {
            if (!before.isEmpty()) {
                changes.add(payload(Action.PRE_CLEAR, null, event));
            }
        } else {
            Set<Object> now = ids(contents(collection), event);
            Set<Object> removed = new LinkedHashSet<>(before);
            removed.removeAll(now);
            now.removeAll(before);
            add(changes, Action.PRE_REMOVE, removed, event);
            add(changes, Action.PRE_ADD, now, event);
        }
        announce(event, changes);
    }

    @Override
    public void onPreRemoveCollection(PreCollectionRemoveEvent event) {
        if (!concerns(event) || ownerIsDeleted(event)) {
            return;   // Django sends no m2m_changed when the instance itself is deleted
        }
        PersistentCollection<?> collection = event.getCollection();
        // What the rows held is what is being removed. Unloaded, the collection loads them when
        // ids() iterates it, as Envers loads it, but only when someone listens.
        Collection<?> old = collection.wasInitialized() ? snapshot(event) : contents(collection);
        Set<Object> before = ids(old, event);
        Object replacement = replacement(event);
        List<Change> changes = new ArrayList<>(1);
        if (replacement == null || contents(replacement).isEmpty()) {
            if (!before.isEmpty()) {
                changes.add(payload(Action.PRE_CLEAR, null, event));
            }
        } else {
            Set<Object> removed = new LinkedHashSet<>(before);
            removed.removeAll(ids(contents(replacement), event));
            add(changes, Action.PRE_REMOVE, removed, event);
            replaced.put(replacement, before);
        }
        announce(event, changes);
    }

    @Override
    public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
        complete(event);
    }

    @Override
    public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
        complete(event);
    }

    @Override
    public void onPostRemoveCollection(PostCollectionRemoveEvent event) {
        complete(event);
    }

    private boolean concerns(AbstractCollectionEvent event) {
        return collectionPersister(event).isManyToMany() && SignalAdapter.isHeard(M2M_CHANGED)
                && event.getAffectedOwnerOrNull() != null;
    }

    private void announce(AbstractCollectionEvent event, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        announced.put(event.getCollection(), changes);
        send(event, changes, false);
    }

    private void complete(AbstractCollectionEvent event) {
        List<Change> announcedBefore = announced.remove(event.getCollection());
        if (announcedBefore != null) {
            send(event, announcedBefore, true);
        }
    }

    private void send(AbstractCollectionEvent event, List<Change> changes, boolean after) {
        var m2mChanged = SignalAdapter.event(M2M_CHANGED, association(collectionPersister(event)));
        for (Change change : changes) {
            Action action = after ? next(change.action()) : change.action();
            ReceiverSession.send(event.getSession(), entityManager ->
                    m2mChanged.fire(change.payload(action, using, entityManager)));
        }
    }

    private static Action next(Action pre) {
        return Action.values()[pre.ordinal() + 1];
    }

    private static void add(List<Change> changes, Action action, Set<Object> ids, AbstractCollectionEvent event) {
        if (!ids.isEmpty()) {
            changes.add(payload(action, ids, event));
        }
    }

    private static Change payload(Action action, Set<Object> ids, AbstractCollectionEvent event) {
        CollectionPersister persister = collectionPersister(event);
        return new Change(action, event.getAffectedOwnerOrNull(), persister.isInverse(),
                persister.getElementPersister().getMappedClass(), ids);
    }

    /** One change a pre event found, announced by the pre event and again, as done, by the post event. */
    private record Change(Action action, Object instance, boolean reverse, Class<?> model, Set<Object> pkSet) {
        M2mChanged payload(Action sent, String using, EntityManager entityManager) {
            return new M2mChanged(sent, instance, reverse, model, pkSet, using, entityManager);
        }
    }

    /** The name of the association: the owning side's role, for changes through either side. */
    private String association(CollectionPersister persister) {
        return associations.computeIfAbsent(persister.getRole(), role -> {
            if (!persister.isInverse() || persister.getMappedByProperty() == null) {
                return role;
            }
            EntityPersister owner = persister.getElementPersister();
            return owner.getEntityName() + "." + persister.getMappedByProperty();
        });
    }

    private static boolean ownerIsDeleted(AbstractCollectionEvent event) {
        EntityEntry entry = event.getSession().getPersistenceContextInternal().getEntry(event.getAffectedOwnerOrNull());
        return entry == null || entry.getStatus().isDeletedOrGone();
    }

    /** The owner's collection now, which replaced the one being removed; null if none. */
    private static Object replacement(PreCollectionRemoveEvent event) {
        CollectionPersister persister = collectionPersister(event);
        Object owner = event.getAffectedOwnerOrNull();
        EntityPersister ownerPersister = persister.getOwnerEntityPersister();
        String role = persister.getRole();
        String attribute = role.substring(ownerPersister.getEntityName().length() + 1);
        Object value = ownerPersister.getPropertyValue(owner, attribute);
        return value == event.getCollection() ? null : value;
    }

    private static Collection<?> snapshot(AbstractCollectionEvent event) {
        CollectionEntry entry = event.getSession().getPersistenceContextInternal()
                .getCollectionEntry(event.getCollection());
        Serializable snapshot = entry == null ? null : entry.getSnapshot();
        return contents(snapshot);
    }

    private static Collection<?> contents(Object collection) {
        if (collection instanceof Map<?, ?> map) {
            return map.values();
        }
        if (collection instanceof Collection<?> elements) {
            return elements;
        }
        return List.of();
    }

    private static Set<Object> ids(Collection<?> elements, AbstractCollectionEvent event) {
        EntityPersister persister = collectionPersister(event).getElementPersister();
        SharedSessionContractImplementor session = event.getSession();
        Set<Object> ids = new LinkedHashSet<>();
        for (Object element : elements) {
            if (element != null) {
                LazyInitializer proxy = HibernateProxy.extractLazyInitializer(element);
                ids.add(proxy != null ? proxy.getInternalIdentifier() : persister.getIdentifier(element, session));
            }
        }
        return ids;
    }
}
