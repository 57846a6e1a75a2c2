package signals.jpa;

import jakarta.persistence.EntityManager;
import java.util.Objects;
import java.util.Set;

/**
 * The payload of {@link ModelSignals#PRE_SAVE}: an entity about to be inserted or updated.
 *
 * <p>Changes a receiver makes to the instance are written by the same statement, on insert and on
 * update.
 *
 * @param instance the entity, the persistence context's own instance; never null
 * @param created true when the row is about to be inserted, false when it is updated
 * @param updateFields on update, the attributes Hibernate's dirty check found changed, by
 *     attribute name; null on insert, as Django passes {@code update_fields=None} for a full save
 * @param raw true only inside a {@link RawSaves} scope, where data is loaded as it is (an
 *     import, a fixture); receivers then should not touch other rows
 * @param using the persistence unit's name (the session factory's name), never null
 * @param entityManager the entity manager the receivers may use, in the transaction of the
 *     operation that sent the signal (see {@link ModelPayload}); never null
 * @param <E> the entity type
 * @since 0.1
 */
public record PreSave<E>(E instance, boolean created, Set<String> updateFields, boolean raw, String using,
        EntityManager entityManager) implements InstancePayload<E> {

    /**
     * Checks the components.
     *
     * @param instance the entity, not null
     * @param created whether it is an insert
     * @param updateFields the changed attributes on update, null on insert
     * @param raw whether the save is raw
     * @param using the unit's name, not null
     * @param entityManager the receivers' entity manager, not null
     * @throws NullPointerException if the instance, the unit's name or the entity manager is null
     */
    public PreSave {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(using, "using");
        Objects.requireNonNull(entityManager, "entityManager");
    }
}
