package signals.jpa;

import java.util.List;
import java.util.Objects;

/**
 * The payload of {@link ModelSignals#PRE_MIGRATE}: a schema action is about to run against the
 * database of a persistence unit.
 *
 * @param action the action, by Hibernate's name: {@code create}, {@code drop}, {@code create-only},
 *     {@code create-drop}, {@code update}, {@code validate}, {@code truncate}, {@code populate} or
 *     {@code synchronize} (see {@code org.hibernate.tool.schema.Action})
 * @param models the entity classes the unit manages, in name order; never null
 * @param using the persistence unit's name, also the sender; never null
 * @since 0.1
 */
public record PreMigrate(String action, List<Class<?>> models, String using) {

    /**
     * Checks and copies the components.
     *
     * @param action the action's name, not null
     * @param models the entity classes, not null
     * @param using the unit's name, not null
     * @throws NullPointerException if a component is null
     */
    public PreMigrate {
        Objects.requireNonNull(action, "action");
        models = List.copyOf(models);
        Objects.requireNonNull(using, "using");
    }
}
