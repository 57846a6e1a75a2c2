package signals.jpa;

import jakarta.persistence.EntityManager;
import java.util.Objects;

/**
 * The payload of {@link ModelSignals#PRE_INIT}: Hibernate is about to fill a new instance of an
 * entity class with a row's values (a load, a {@code find}, a query, a {@code refresh}).
 *
 * <p>Like Django's {@code pre_init}, which runs before the model's {@code __init__} and has no
 * instance, this payload carries no instance: the one Hibernate created is still empty.
 *
 * @param model the entity class, also the sender; never null
 * @param id the identifier of the row being loaded, never null
 * @param using the persistence unit's name, never null
 * @param entityManager the entity manager the receivers may use, in the transaction of the
 *     operation that sent the signal (see {@link ModelPayload}); never null
 * @param <E> the entity type
 * @since 0.1
 */
public record PreInit<E>(Class<E> model, Object id, String using,
        EntityManager entityManager) implements ModelPayload {

    /**
     * Checks the components.
     *
     * @param model the entity class, not null
     * @param id the row's identifier, not null
     * @param using the unit's name, not null
     * @param entityManager the receivers' entity manager, not null
     * @throws NullPointerException if a component is null
     */
    public PreInit {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(using, "using");
        Objects.requireNonNull(entityManager, "entityManager");
    }
}
