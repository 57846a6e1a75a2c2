package signals.jpa;

/**
 * What the payload of every signal of this module carries: the persistence unit it comes from.
 * One receiver can then hear several of these signals, an audit log say, without an
 * {@code instanceof} chain:
 *
 * <pre>{@code
 * Receiver<UnitPayload> audit = (signal, sender, payload) ->
 *         log.info(signal.name() + " in " + payload.using() + ": " + payload);
 * List.of(PRE_SAVE, POST_SAVE, POST_DELETE, POST_MIGRATE).forEach(signal -> signal.connect(audit));
 * }</pre>
 *
 * <p>{@link ModelPayload} adds the entity manager of the event, {@link InstancePayload} the entity.
 * The three are sealed: only this module's payload records implement them.
 *
 * @since 0.2
 */
public sealed interface UnitPayload permits ModelPayload, ClassPrepared, PreMigrate, PostMigrate {

    /**
     * Returns the name of the persistence unit the signal comes from: the session factory's name,
     * or {@code "default"} for a natively bootstrapped factory without one. Django's {@code using}.
     *
     * @return the unit's name, never null
     */
    String using();
}
