package signals.jpa;

import java.util.Objects;

/**
 * The payload of {@link ModelSignals#CLASS_PREPARED}: an entity class that a persistence unit
 * manages, announced once while the unit boots.
 *
 * @param model the entity class, also the sender; never null
 * @param entityName Hibernate's name of the entity: the class's fully qualified name unless the
 *     mapping gives another ({@code entity-name}); not JPQL's {@code @Entity(name)}; never null
 * @param using the persistence unit's name, never null
 * @since 0.1
 */
public record ClassPrepared(Class<?> model, String entityName, String using) implements UnitPayload {

    /**
     * Checks the components.
     *
     * @param model the entity class, not null
     * @param entityName the entity's name, not null
     * @param using the unit's name, not null
     * @throws NullPointerException if a component is null
     */
    public ClassPrepared {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(entityName, "entityName");
        Objects.requireNonNull(using, "using");
    }
}
