package signals.jpa;

import jakarta.persistence.EntityManager;
import java.util.Objects;

/**
 * The payload of {@link ModelSignals#POST_INIT}: an entity instance Hibernate has just created and
 * filled with a row's values.
 *
 * @param instance the entity, with its attributes set (lazy associations may still be proxies);
 *     never null
 * @param using the persistence unit's name, never null
 * @param entityManager the entity manager the receivers may use, in the transaction of the
 *     operation that sent the signal (see {@link ModelPayload}); never null
 * @param <E> the entity type
 * @since 0.1
 */
public record PostInit<E>(E instance, String using,
        EntityManager entityManager) implements InstancePayload<E> {

    /**
     * Checks the components.
     *
     * @param instance the entity, not null
     * @param using the unit's name, not null
     * @param entityManager the receivers' entity manager, not null
     * @throws NullPointerException if a component is null
     */
    public PostInit {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(using, "using");
        Objects.requireNonNull(entityManager, "entityManager");
    }
}
