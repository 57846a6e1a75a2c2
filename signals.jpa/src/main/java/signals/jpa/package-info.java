/**
 * Django's model and migration signals for Jakarta Persistence entities, fired by Hibernate ORM 7.
 *
 * <p>What is here: {@link signals.jpa.ModelSignals}, the signals; one payload record per signal
 * ({@link signals.jpa.PreSave}, {@link signals.jpa.PostSave}, {@link signals.jpa.M2mChanged}, ...);
 * the interfaces they share ({@link signals.jpa.UnitPayload}, {@link signals.jpa.ModelPayload} with
 * the receivers' entity manager, {@link signals.jpa.InstancePayload}); {@link signals.jpa.SchemaAction};
 * {@link signals.jpa.Model}, which types a receiver by entity class; {@link signals.jpa.RawSaves},
 * Django's {@code raw=True}. Package-private here: the check of the jar's service files. The
 * listeners that fire the signals are package-private in the unexported package
 * {@code signals.jpa.internal}, beside the public service providers Hibernate and
 * {@code signals.core} look up. One door leads from here into that package, as the JDK's
 * {@code SharedSecrets} do: {@link signals.jpa.ModelSignals#association} asks
 * {@code signals.jpa.internal.Associations}, which knows the booted units' associations.
 *
 * <h2>Questions</h2>
 * <dl>
 *   <dt>Why do saves fire at flush, not at {@code persist}?</dt>
 *   <dd>Django's {@code save()} writes the row; in JPA the flush does. The signals follow the SQL,
 *       so a receiver sees what is really written, once per row written.</dd>
 *   <dt>Why does a receiver for {@code Animal} not hear {@code Dog}?</dt>
 *   <dd>Django sends the concrete model and compares senders exactly. Use
 *       {@link signals.jpa.Model#orSubclassOf} to hear a class and its subclasses.</dd>
 *   <dt>Why does a receiver get another entity manager than the application's?</dt>
 *   <dd>The application's is in the middle of its flush, which Hibernate forbids re-entering. The
 *       receivers' shares its connection and transaction, as Hibernate Envers writes audit rows,
 *       so their work commits and rolls back with it.</dd>
 *   <dt>Does it need the entity packages opened to it?</dt>
 *   <dd>No: it reads entities through Hibernate's own metamodel.</dd>
 * </dl>
 *
 * @since 0.1
 */
package signals.jpa;
