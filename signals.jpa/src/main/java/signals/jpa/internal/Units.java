package signals.jpa.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.PersistentClass;

/** What the signals say about a persistence unit: its name and its entity classes. */
final class Units {

    /** The name of a unit whose session factory has none, as Django's first database is "default". */
    static final String DEFAULT = "default";

    private static final String SESSION_FACTORY_NAME = "hibernate.session_factory_name";
    private static final String PERSISTENCE_UNIT_NAME = "hibernate.persistenceUnitName";

    private Units() {
    }

    /** The name a factory has, or {@link #DEFAULT}. */
    static String name(String factoryName) {
        return factoryName == null || factoryName.isBlank() ? DEFAULT : factoryName;
    }

    /** The name a factory built from these settings has, resolved as Hibernate resolves it. */
    static String name(Map<?, ?> settings) {
        Object name = settings.get(SESSION_FACTORY_NAME);
        if (name == null || name.toString().isBlank()) {
            name = settings.get(PERSISTENCE_UNIT_NAME);
        }
        return name(name == null ? null : name.toString());
    }

    /**
     * The unit's entities with a Java class (dynamic-map entities have none), superclasses before
     * their subclasses, then by entity name: Hibernate keeps them in no particular order.
     */
    static List<PersistentClass> entities(Metadata metadata) {
        List<PersistentClass> entities = new ArrayList<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity.getMappedClass() != null) {
                entities.add(entity);
            }
        }
        entities.sort(Comparator.comparingInt(Units::depth).thenComparing(PersistentClass::getEntityName));
        return entities;
    }

    /** The unit's entity classes, in the order of {@link #entities}. */
    static List<Class<?>> models(Metadata metadata) {
        List<Class<?>> models = new ArrayList<>();
        entities(metadata).forEach(entity -> models.add(entity.getMappedClass()));
        return List.copyOf(models);
    }

    private static int depth(PersistentClass entity) {
        int depth = 0;
        for (PersistentClass above = entity.getSuperclass(); above != null; above = above.getSuperclass()) {
            depth++;
        }
        return depth;
    }
}
