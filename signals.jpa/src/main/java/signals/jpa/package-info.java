/**
 * Django's model and migration signals for Jakarta Persistence entities, fired by Hibernate ORM 7.
 *
 * <p>What is here: {@link signals.jpa.ModelSignals}, the signals; one payload record per signal
 * ({@link signals.jpa.PreSave}, {@link signals.jpa.PostSave}, {@link signals.jpa.M2mChanged}, ...);
 * {@link signals.jpa.Model}, which types a receiver by entity class; {@link signals.jpa.RawSaves},
 * Django's {@code raw=True}. The listeners that fire them are package-private in the unexported
 * package {@code signals.jpa.internal}, beside the public service providers Hibernate and
 * {@code signals.core} look up.
 *
 * <h2>Questions</h2>
 * <dl>
 *   <dt>Why do saves fire at flush, not at {@code persist}?</dt>
 *   <dd>Django's {@code save()} writes the row; in JPA the flush does. The signals follow the SQL,
 *       so a receiver sees what is really written, once per row written.</dd>
 *   <dt>Why does a receiver for {@code Animal} not hear {@code Dog}?</dt>
 *   <dd>Django sends the concrete model and compares senders exactly. Use
 *       {@link signals.jpa.Model#orSubclassOf} to hear a class and its subclasses.</dd>
 *   <dt>Does it need the entity packages opened to it?</dt>
 *   <dd>No: it reads entities through Hibernate's own metamodel.</dd>
 * </dl>
 *
 * @since 0.1
 */
package signals.jpa;
