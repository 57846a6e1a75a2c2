package signals.jpa;

/**
 * What the payload of every model signal about one entity instance carries: the instance, besides
 * the unit and the entity manager. All model signals but {@code pre_init}, which has no instance
 * yet, as in Django.
 *
 * <pre>{@code
 * Receiver<InstancePayload<?>> audit = (signal, sender, payload) ->
 *         log.info(signal.name() + " " + payload.instance() + " in " + payload.using());
 * }</pre>
 *
 * @param <E> the entity type
 * @since 0.2
 */
public sealed interface InstancePayload<E> extends ModelPayload
        permits PostInit, PreSave, PostSave, PreDelete, PostDelete, M2mChanged {

    /**
     * Returns the entity the signal is about: for {@link M2mChanged}, the one whose collection
     * changed.
     *
     * @return the entity, never null
     */
    E instance();
}
