package signals.jpa;

import jakarta.persistence.EntityManager;
import java.util.Objects;

/**
 * The payload of {@link ModelSignals#PRE_DELETE}: an entity that {@code remove} (or a cascade of
 * it) has just marked for deletion; its row is deleted at the next flush.
 *
 * @param instance the entity, which still carries its id; never null
 * @param origin the entity whose removal started this one: the instance itself when it was
 *     removed directly, else the entity the application removed, whose removal cascaded here (as
 *     Django 4.1+ passes {@code origin}); never null
 * @param using the persistence unit's name, never null
 * @param entityManager the entity manager the receivers may use, in the transaction of the
 *     operation that sent the signal (see {@link ModelPayload}); never null
 * @param <E> the entity type
 * @since 0.1
 */
public record PreDelete<E>(E instance, Object origin, String using,
        EntityManager entityManager) implements InstancePayload<E> {

    /**
     * Checks the components.
     *
     * @param instance the entity, not null
     * @param origin the entity whose removal started this one, not null
     * @param using the unit's name, not null
     * @param entityManager the receivers' entity manager, not null
     * @throws NullPointerException if a component is null
     */
    public PreDelete {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(using, "using");
        Objects.requireNonNull(entityManager, "entityManager");
    }
}
