package signals.jpa.internal;

import static signals.jpa.ModelSignals.POST_INIT;
import static signals.jpa.ModelSignals.PRE_INIT;

import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.event.spi.PreLoadEvent;
import org.hibernate.event.spi.PreLoadEventListener;
import signals.core.spi.SignalAdapter;
import signals.jpa.PostInit;
import signals.jpa.PreInit;

/**
 * pre_init and post_init for one session factory, around each instance Hibernate fills from a
 * row. Hibernate reuses its load events, so receivers get payloads of their own.
 */
final class InitSignals implements PreLoadEventListener, PostLoadEventListener {

    private final String using;

    InitSignals(String using) {
        this.using = using;
    }

    @Override
    public void onPreLoad(PreLoadEvent event) {
        Class<?> model = event.getPersister().getMappedClass();
        var preInit = SignalAdapter.event(PRE_INIT, model);
        if (preInit.isHeard()) {
            Object id = event.getId();
            ReceiverSession.send(event.getSession(), entityManager ->
                    preInit.fire(new PreInit<>(model, id, using, entityManager)));
        }
    }

    @Override
    public void onPostLoad(PostLoadEvent event) {
        Object entity = event.getEntity();
        // The concrete class: a Dog loaded through getReference(Animal.class, id) comes with the
        // persister of Animal, the class the reference was asked for.
        Class<?> model = event.getPersister().getSubclassEntityPersister(entity, event.getFactory()).getMappedClass();
        var postInit = SignalAdapter.event(POST_INIT, model);
        if (postInit.isHeard()) {
            ReceiverSession.send(event.getSession(), entityManager ->
                    postInit.fire(new PostInit<>(entity, using, entityManager)));
        }
    }
}
