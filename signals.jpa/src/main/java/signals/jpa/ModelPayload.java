package signals.jpa;

import jakarta.persistence.EntityManager;

/**
 * What the payload of every model signal sent from inside a session carries besides the unit: an
 * entity manager the receivers may use as Django's receivers use the ORM, to query, persist,
 * update and remove other entities in the same transaction.
 *
 * <pre>{@code
 * Model.of(User.class).postSave((signal, sender, save) -> {
 *     if (save.created()) {
 *         save.entityManager().persist(new Profile(save.instance()));
 *     }
 * });
 * }</pre>
 *
 * <h2>The entity manager</h2>
 * It is a Hibernate session that shares the event's JDBC connection and transaction, as
 * Hibernate Envers writes its audit rows, with a persistence context of its own. It is opened on
 * the first call a receiver makes (a send whose receivers never use it costs nothing), flushed
 * when the receivers of the send have returned, then closed:
 * <ul>
 *   <li>what the receivers write commits and rolls back with the transaction of the operation
 *       that sent the signal;</li>
 *   <li>its own saves and deletes send model signals in turn, whose receivers get an entity
 *       manager of their own;</li>
 *   <li>it does not see the event session's unflushed changes, and its instances are its own:
 *       {@code find} returns a copy of a row, never the payload's instance;</li>
 *   <li>it is usable only while the receivers run, from their thread; {@code close()} is refused,
 *       since this module closes it.</li>
 * </ul>
 * See the module's README for what a receiver that saves the instance it was sent gets.
 *
 * @since 0.2
 */
public sealed interface ModelPayload extends UnitPayload permits PreInit, InstancePayload {

    /**
     * Returns the entity manager the receivers of this send may use, in the transaction of the
     * operation that sent it.
     *
     * @return the entity manager, never null; also a {@code org.hibernate.Session}
     */
    EntityManager entityManager();
}
