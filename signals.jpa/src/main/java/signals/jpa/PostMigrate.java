package signals.jpa;

import java.util.List;
import java.util.Objects;

/**
 * The payload of {@link ModelSignals#POST_MIGRATE}: a schema action has run against the
 * database of a persistence unit.
 *
 * @param action the schema action; never null
 * @param models the entity classes the unit manages, in name order; never null
 * @param using the persistence unit's name, also the sender; never null
 * @since 0.1
 */
public record PostMigrate(SchemaAction action, List<Class<?>> models, String using) implements UnitPayload {

    /**
     * Checks and copies the components.
     *
     * @param action the action, not null
     * @param models the entity classes, not null
     * @param using the unit's name, not null
     * @throws NullPointerException if a component is null
     */
    public PostMigrate {
        Objects.requireNonNull(action, "action");
        models = List.copyOf(models);
        Objects.requireNonNull(using, "using");
    }
}
