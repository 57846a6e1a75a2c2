package signals.jpa.internal;

import static signals.jpa.ModelSignals.POST_SAVE;
import static signals.jpa.ModelSignals.PRE_SAVE;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.FlushEntityEvent;
import org.hibernate.event.spi.FlushEntityEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.Type;
import signals.core.spi.SignalAdapter;
import signals.jpa.PostSave;
import signals.jpa.PreSave;
import signals.jpa.RawSaves;

/**
 * pre_save and post_save for one session factory.
 *
 * <p>pre_save of an update fires from a flush-entity listener placed before Hibernate's own: the
 * default listener then reads the entity's values after the receivers ran, so their changes are
 * dirty-checked and written like the application's. (Firing from pre-update and patching the
 * state would lose changes to clean attributes under {@code @DynamicUpdate}.) pre_save of an
 * insert fires from pre-insert, and copies the receivers' changes into the state about to be
 * written, which is also the state later flushes compare against.
 */
final class SaveSignals implements FlushEntityEventListener, PreInsertEventListener, PostInsertEventListener,
        PostUpdateEventListener {

    private final String using;

    SaveSignals(String using) {
        this.using = using;
    }

    @Override
    public void onFlushEntity(FlushEntityEvent event) {
        EntityEntry entry = event.getEntityEntry();
        EntityPersister persister = entry.getPersister();
        Class<?> model = persister.getMappedClass();
        var preSave = SignalAdapter.event(PRE_SAVE, model);
        if (!preSave.isHeard() || entry.getStatus() != Status.MANAGED || entry.isReadOnly()
                || !persister.isMutable() || entry.getLoadedState() == null) {
            return;
        }
        Object entity = event.getEntity();
        if (!entry.requiresDirtyCheck(entity)) {
            return;
        }
        int[] dirty = persister.findDirty(persister.getValues(entity), entry.getLoadedState(), entity,
                event.getSession());
        if (dirty != null && dirty.length > 0) {
            Set<String> fields = names(persister, dirty);
            ReceiverSession.send(event.getSession(), entityManager ->
                    preSave.fire(new PreSave<>(entity, false, fields, RawSaves.active(), using, entityManager)));
        }
    }

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        EntityPersister persister = event.getPersister();
        Class<?> model = persister.getMappedClass();
        var preSave = SignalAdapter.event(PRE_SAVE, model);
        if (preSave.isHeard()) {
            Object entity = event.getEntity();
            ReceiverSession.send(event.getSession(), entityManager ->
                    preSave.fire(new PreSave<>(entity, true, null, RawSaves.active(), using, entityManager)));
            copyChanges(persister, entity, event.getState());
        }
        return false;   // never veto: a receiver that objects throws
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        Class<?> model = event.getPersister().getMappedClass();
        var postSave = SignalAdapter.event(POST_SAVE, model);
        if (postSave.isHeard()) {
            Object entity = event.getEntity();
            ReceiverSession.send(event.getSession(), entityManager ->
                    postSave.fire(new PostSave<>(entity, true, null, RawSaves.active(), using, entityManager)));
        }
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        EntityPersister persister = event.getPersister();
        Class<?> model = persister.getMappedClass();
        var postSave = SignalAdapter.event(POST_SAVE, model);
        if (!postSave.isHeard()) {
            return;
        }
        int[] dirty = event.getDirtyProperties();
        // Empty: only a collection changed and Hibernate bumped the version, which m2m_changed
        // reports. A deleted entity is updated only to null its references before its DELETE.
        if (dirty != null && dirty.length == 0 || isDeleted(event)) {
            return;
        }
        Set<String> fields = dirty == null ? null : names(persister, dirty);
        Object entity = event.getEntity();
        ReceiverSession.send(event.getSession(), entityManager ->
                postSave.fire(new PostSave<>(entity, false, fields, RawSaves.active(), using, entityManager)));
    }

    private static boolean isDeleted(PostUpdateEvent event) {
        EntityEntry entry = event.getSession().getPersistenceContextInternal().getEntry(event.getEntity());
        return entry != null && entry.getStatus().isDeletedOrGone();
    }

    /** Writes what pre_save receivers changed into the state the INSERT is about to write. */
    private static void copyChanges(EntityPersister persister, Object entity, Object[] state) {
        Object[] now = persister.getValues(entity);
        boolean[] insertable = persister.getPropertyInsertability();
        Type[] types = persister.getPropertyTypes();
        for (int i = 0; i < state.length; i++) {
            if (insertable[i] && !types[i].isCollectionType()) {
                state[i] = now[i];
            }
        }
    }

    private static Set<String> names(EntityPersister persister, int[] indexes) {
        String[] all = persister.getPropertyNames();
        Set<String> names = new LinkedHashSet<>();
        for (int index : indexes) {
            names.add(all[index]);
        }
        return Collections.unmodifiableSet(names);
    }
}
