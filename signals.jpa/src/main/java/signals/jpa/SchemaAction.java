package signals.jpa;

import java.util.Locale;

/**
 * The schema action of a {@link PreMigrate} or {@link PostMigrate}: what Hibernate does to a
 * unit's database, one constant per {@code org.hibernate.tool.schema.Action} that touches it
 * (every one but {@code NONE}), with the same names.
 *
 * <pre>{@code
 * POST_MIGRATE.connect((signal, unit, migrate) -> {
 *     if (migrate.action().creates()) {
 *         seed(migrate.using());
 *     }
 * });
 * }</pre>
 *
 * @since 0.2
 */
public enum SchemaAction {
    /** Creates the schema, without dropping first (JPA's {@code create}). */
    CREATE_ONLY,
    /** Drops the schema. */
    DROP,
    /** Drops, then creates the schema (JPA's {@code drop-and-create}). */
    CREATE,
    /** Creates the schema at boot and drops it when the unit closes. */
    CREATE_DROP,
    /** Checks the schema against the mappings. */
    VALIDATE,
    /** Adds what the mappings need and the schema lacks. */
    UPDATE,
    /** Deletes every row of the unit's tables. */
    TRUNCATE,
    /** Runs the unit's data scripts. */
    POPULATE,
    /** Brings the sequences in line with the data. */
    SYNCHRONIZE;

    /**
     * Returns Hibernate's external name of this action, as {@code hibernate.hbm2ddl.auto} takes
     * it and as {@code org.hibernate.tool.schema.Action.interpretHbm2ddlSetting} reads it back;
     * {@link #TRUNCATE}, which only {@code EntityManagerFactory.getSchemaManager().truncate()}
     * runs and which has no setting, is {@code "truncate"}.
     *
     * @return {@code "create-only"}, {@code "drop"}, {@code "create"}, {@code "create-drop"}, ...
     */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Tells whether the action creates tables, after which a receiver may seed data.
     *
     * @return true for {@link #CREATE_ONLY}, {@link #CREATE} and {@link #CREATE_DROP}
     */
    public boolean creates() {
        return this == CREATE_ONLY || this == CREATE || this == CREATE_DROP;
    }

    /**
     * Reads an external name back, as {@link #externalName()} writes it.
     *
     * @param externalName Hibernate's external name, such as {@code "create-drop"}; not null
     * @return the action
     * @throws NullPointerException if the name is null
     * @throws IllegalArgumentException if no action has that name, naming the valid ones
     */
    public static SchemaAction ofExternalName(String externalName) {
        for (SchemaAction action : values()) {
            if (action.externalName().equals(externalName)) {
                return action;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (SchemaAction action : values()) {
            valid.append(valid.length() == 0 ? "" : ", ").append(action.externalName());
        }
        throw new IllegalArgumentException("no schema action is named '" + externalName.strip() + "'; the names are: "
                + valid);
    }
}
