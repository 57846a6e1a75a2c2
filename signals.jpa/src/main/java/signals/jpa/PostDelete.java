package signals.jpa;

import jakarta.persistence.EntityManager;
import java.util.Objects;

/**
 * The payload of {@link ModelSignals#POST_DELETE}: an entity whose row was just deleted, inside
 * the transaction, which has not committed yet.
 *
 * @param instance the entity, no longer managed, which still carries its id; never null
 * @param origin the entity whose removal started this one: the instance itself when it was
 *     removed directly, else the entity the application removed, whose removal cascaded here (as
 *     Django 4.1+ passes {@code origin}); never null
 * @param using the persistence unit's name, never null
 * @param entityManager the entity manager the receivers may use, in the transaction of the
 *     operation that sent the signal (see {@link ModelPayload}); never null
 * @param <E> the entity type
 * @since 0.1
 */
public record PostDelete<E>(E instance, Object origin, String using,
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
    public PostDelete {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(using, "using");
        Objects.requireNonNull(entityManager, "entityManager");
    }
}
