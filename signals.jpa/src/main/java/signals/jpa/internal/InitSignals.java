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
        if (SignalAdapter.isHeard(PRE_INIT, model)) {
            Object id = event.getId();
            ReceiverSession.send(event.getSession(), entityManager ->
                    PRE_INIT.fire(model, new PreInit<>(model, id, using, entityManager)));
        }
    }

    @Override
    public void onPostLoad(PostLoadEvent event) {
        Object entity = event.getEntity();
        // The concrete class: a Dog loaded through getReference(Animal.class, id) comes with the
        // persister of Animal, the class the reference was asked for.
        Class<?> model = event.getPersister().getSubclassEntityPersister(entity, event.getFactory()).getMappedClass();
        if (SignalAdapter.isHeard(POST_INIT, model)) {
            ReceiverSession.send(event.getSession(), entityManager ->
                    POST_INIT.fire(model, new PostInit<>(entity, using, entityManager)));
        }
    }
}
