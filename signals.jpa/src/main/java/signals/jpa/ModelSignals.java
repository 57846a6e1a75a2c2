package signals.jpa;

import java.util.Objects;
import signals.core.Signal;
import signals.core.spi.SignalAdapter;
import signals.jpa.internal.Associations;

/**
 * Django's model and migration signals ({@code django.db.models.signals}), fired by Hibernate ORM
 * 7 for Jakarta Persistence entities as soon as the {@code signals-jpa} jar is on the module path
 * or the class path.
 *
 * <p>Every model signal's sender is the entity's own mapped class: never a Hibernate proxy's
 * class, and a subclass entity is its own sender, as Django sends the concrete model. Connect with
 * {@link signals.core.ConnectOption#sender} for one class, as in Django, or
 * {@link signals.core.ConnectOption#senderOrSubclassOf} for a class and its subclasses; {@link
 * Model} does the same with the entity type checked by the compiler:
 *
 * <pre>{@code
 * Model.of(Person.class).postSave((signal, sender, save) -> {
 *     if (save.created()) {
 *         welcome(save.instance());       // a Person, no cast
 *     }
 * }).connect();
 * }</pre>
 *
 * <p>Every payload carries {@code using}, the persistence unit's name (the session factory's
 * name; {@code "default"} when a natively bootstrapped factory has none), so several units in one
 * JVM can be told apart.
 *
 * <h2>When each fires</h2>
 * <ul>
 *   <li>{@link #PRE_SAVE} / {@link #POST_SAVE}: for each row inserted or updated by a flush.</li>
 *   <li>{@link #PRE_DELETE} / {@link #POST_DELETE}: at {@code remove} (cascades included) and
 *       after each row's {@code DELETE}.</li>
 *   <li>{@link #PRE_INIT} / {@link #POST_INIT}: around each instance Hibernate creates from a row.
 *       The application's own {@code new} fires nothing: JPA has no hook there.</li>
 *   <li>{@link #M2M_CHANGED}: around the join-table changes of a {@code @ManyToMany}.</li>
 *   <li>{@link #CLASS_PREPARED}: once per entity class when a unit boots.</li>
 *   <li>{@link #PRE_MIGRATE} / {@link #POST_MIGRATE}: around each schema action against the
 *       database.</li>
 *   <li>Bulk JPQL and Criteria {@code update} and {@code delete} fire nothing: the update as
 *       Django's {@code QuerySet.update()}; the delete unlike Django's {@code QuerySet.delete()},
 *       which loads and signals each row, since a bulk JPQL delete never loads the rows.</li>
 * </ul>
 *
 * <p>Every model signal's payload ({@link ModelPayload}) carries an entity manager with which
 * receivers query and write other entities in the same transaction, as Django's receivers use the
 * ORM; their saves are signalled in turn.
 *
 * <p>A receiver that throws makes the Hibernate operation fail, and the transaction rolls back:
 * the flush or the commit with the receiver's exception as the cause; {@code remove}, which sends
 * {@link #PRE_DELETE} itself, with a {@link signals.core.ReceiverException} that names the receiver
 * and has the receiver's exception as its cause.
 *
 * @since 0.1
 */
public final class ModelSignals {

    private static final String MODULE = "signals.jpa";

    /**
     * Sent just before Hibernate fills a new entity instance with a row's values: Django's
     * {@code pre_init}. The sender is the entity class.
     */
    public static final Signal<PreInit<?>> PRE_INIT = SignalAdapter.declare("pre_init", PreInit.class, MODULE);

    /**
     * Sent once Hibernate has filled a new entity instance with a row's values: Django's
     * {@code post_init}. The sender is the entity class.
     */
    public static final Signal<PostInit<?>> POST_INIT = SignalAdapter.declare("post_init", PostInit.class, MODULE);

    /**
     * Sent just before a row is inserted or updated, at flush: Django's {@code pre_save}. What a
     * receiver changes on the instance is written by that same statement. An update fires only
     * when Hibernate's dirty check finds a changed attribute, so flushing an unchanged entity
     * fires nothing. The sender is the entity class.
     */
    public static final Signal<PreSave<?>> PRE_SAVE = SignalAdapter.declare("pre_save", PreSave.class, MODULE);

    /**
     * Sent once per row inserted or updated, after its statement, inside the transaction: Django's
     * {@code post_save}. With JDBC batching on, it fires when the row joins the batch; see the
     * module's README. The sender is the entity class.
     */
    public static final Signal<PostSave<?>> POST_SAVE = SignalAdapter.declare("post_save", PostSave.class, MODULE);

    /**
     * Sent when {@code remove} marks an entity for deletion, for the removed entity and every
     * entity its removal cascades to, children first, all before any {@code DELETE} runs: Django's
     * {@code pre_delete}. The sender is the entity class.
     */
    public static final Signal<PreDelete<?>> PRE_DELETE = SignalAdapter.declare("pre_delete", PreDelete.class, MODULE);

    /**
     * Sent after each row's {@code DELETE}, inside the transaction: Django's {@code post_delete}.
     * The sender is the entity class.
     */
    public static final Signal<PostDelete<?>> POST_DELETE = SignalAdapter.declare("post_delete", PostDelete.class, MODULE);

    /**
     * Sent around the join-table changes of a {@code @ManyToMany} association, with Django's six
     * actions: Django's {@code m2m_changed}. The sender names the association, as Django's
     * {@code through} model does: {@link #association(Class, String)} of its owning side, for
     * changes made through either side.
     */
    public static final Signal<M2mChanged> M2M_CHANGED = SignalAdapter.declare("m2m_changed", M2mChanged.class, MODULE);

    /**
     * Sent once for each entity class of a persistence unit while it boots, before any schema
     * action: Django's {@code class_prepared}. The sender is the entity class.
     */
    public static final Signal<ClassPrepared> CLASS_PREPARED =
            SignalAdapter.declare("class_prepared", ClassPrepared.class, MODULE);

    /**
     * Sent before a schema action runs against a unit's database (at boot, from
     * {@code jakarta.persistence.schema-generation.database.action} or {@code hibernate.hbm2ddl.auto},
     * and through {@code EntityManagerFactory.getSchemaManager()}): Django's {@code pre_migrate}.
     * The sender is the unit's name.
     */
    public static final Signal<PreMigrate> PRE_MIGRATE = SignalAdapter.declare("pre_migrate", PreMigrate.class, MODULE);

    /**
     * Sent after a schema action has run against a unit's database: Django's {@code post_migrate}.
     * Receivers may seed data: at boot the unit is ready when it fires. The sender is the unit's
     * name.
     */
    public static final Signal<PostMigrate> POST_MIGRATE = SignalAdapter.declare("post_migrate", PostMigrate.class, MODULE);

    static {
        ServiceFiles.warnIfMissing();
    }

    private ModelSignals() {
    }

    /**
     * Names a {@code @ManyToMany} association, the sender of {@link #M2M_CHANGED}: the owning
     * side's entity class and attribute, as Hibernate names the collection's role.
     *
     * <p>The name is checked against the persistence units: at once if a unit that maps the class
     * has booted, otherwise when the first one boots, which then fails. A typo, or the
     * {@code mappedBy} side, would otherwise name a sender that never sends; the error names the
     * associations the class owns.
     *
     * <pre>{@code
     * M2M_CHANGED.connect(receiver, ConnectOption.sender(ModelSignals.association(Car.class, "parts")));
     * }</pre>
     *
     * @param owner the entity class that owns the association (the side without {@code mappedBy}),
     *     not null
     * @param attribute the collection attribute's name on that class, not null or blank
     * @return the association's name, such as {@code "com.example.Car.parts"}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the attribute is blank, or a booted unit maps the class
     *     and the attribute is not a {@code @ManyToMany} association the class owns
     */
    public static String association(Class<?> owner, String attribute) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(attribute, "attribute");
        if (attribute.isBlank()) {
            throw new IllegalArgumentException("attribute is blank (association of " + owner.getName() + ")");
        }
        Associations.check(owner.getName(), attribute);
        return owner.getName() + "." + attribute;
    }

    /**
     * Opens a scope, in this thread, in which saves are raw; see {@link RawSaves}. Prefer
     * {@link RawSaves#run} and {@link RawSaves#get}, which close it themselves and which javac's
     * {@code -Xlint:try} does not report.
     *
     * @return the scope, to close
     */
    public static RawSaves rawSaves() {
        return RawSaves.open();
    }
}
