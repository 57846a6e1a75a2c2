package signals.jpa;

import jakarta.persistence.EntityManager;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The payload of {@link ModelSignals#M2M_CHANGED}: the rows of a {@code @ManyToMany} association
 * changed for one instance.
 *
 * @param action which change, and whether it is about to happen or has happened
 * @param instance the entity whose collection changed; never null
 * @param reverse false when the change came through the owning side's collection, true when it
 *     came through the {@code mappedBy} side's
 * @param model the class of the collection's elements (the other side's entity class); never null
 * @param pkSet the ids of the elements added or removed; null for the clear actions
 * @param using the persistence unit's name, never null
 * @param entityManager the entity manager the receivers may use, in the transaction of the
 *     operation that sent the signal (see {@link ModelPayload}); never null
 * @since 0.1
 */
public record M2mChanged(Action action, Object instance, boolean reverse, Class<?> model, Set<Object> pkSet,
                         String using,
        EntityManager entityManager) implements InstancePayload<Object> {

    /**
     * Checks and copies the components.
     *
     * @param action the action, not null
     * @param instance the entity whose collection changed, not null
     * @param reverse whether the change came through the {@code mappedBy} side
     * @param model the elements' class, not null
     * @param pkSet the ids added or removed, null only for the clear actions
     * @param using the unit's name, not null
     * @param entityManager the receivers' entity manager, not null
     * @throws NullPointerException if a component other than {@code pkSet} is null
     * @throws IllegalArgumentException if {@code pkSet} is null for an add or remove, or given for a clear
     */
    public M2mChanged {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(using, "using");
        Objects.requireNonNull(entityManager, "entityManager");
        if ((pkSet == null) != action.isClear()) {
            throw new IllegalArgumentException("pkSet must be " + (action.isClear() ? "null" : "given")
                    + " for " + action.djangoName());
        }
        pkSet = pkSet == null ? null : Set.copyOf(pkSet);
    }

    /**
     * Django's six {@code action} values, in the order Django sends them for one change.
     *
     * @since 0.1
     */
    public enum Action {
        /** Elements are about to be added. */
        PRE_ADD,
        /** Elements were added. */
        POST_ADD,
        /** Elements are about to be removed. */
        PRE_REMOVE,
        /** Elements were removed. */
        POST_REMOVE,
        /** Every element is about to be removed. */
        PRE_CLEAR,
        /** Every element was removed. */
        POST_CLEAR;

        /**
         * Returns Django's name for this action.
         *
         * @return {@code "pre_add"}, {@code "post_add"}, ...
         */
        public String djangoName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Tells whether this is one of the clear actions, whose payload has no {@code pkSet}.
         *
         * @return true for {@link #PRE_CLEAR} and {@link #POST_CLEAR}
         */
        public boolean isClear() {
            return this == PRE_CLEAR || this == POST_CLEAR;
        }
    }
}
