package signals.jpa.internal;

import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.persister.collection.CollectionPersister;

/**
 * The one place that knows the Hibernate 7 lines apart. signals.jpa supports 7.2, 7.3 and 7.4, is
 * compiled against the newest, and must call nothing the oldest lacks: each question whose obvious
 * answer arrived in a later line is answered here with the API every supported line has, so that no
 * version check or caught {@link NoSuchMethodError} is needed and one code path serves them all.
 *
 * <p>The build proves it: {@code -Dhibernate.version=7.2.19.Final} compiles the module against 7.2
 * and runs its whole suite there (CI does so on H2 and PostgreSQL).
 */
final class HibernateLines {

    private HibernateLines() {
    }

    /**
     * The persister of the collection an event is about. {@code AbstractCollectionEvent#getCollectionPersister()}
     * arrived in 7.3 (HHH-6882) and throws {@link NoSuchMethodError} on 7.2; the collection's role is
     * set on every line, also on a collection that is new in this flush, and names its persister in
     * the factory's metamodel.
     */
    static CollectionPersister collectionPersister(AbstractCollectionEvent event) {
        return event.getSession().getFactory().getMappingMetamodel()
                .getCollectionDescriptor(event.getCollection().getRole());
    }
}
