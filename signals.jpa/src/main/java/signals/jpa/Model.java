package signals.jpa;

import java.util.Arrays;
import java.util.Objects;
import signals.core.ConnectOption;
import signals.core.Receiver;
import signals.core.Signal;
import signals.core.SignalBinding;

/**
 * An entity class as the sender of the model signals, so that a receiver gets the entity typed
 * as that class, without a cast.
 *
 * <pre>{@code
 * Model<Person> person = Model.of(Person.class);                  // sender=Person, as in Django
 * person.preSave((signal, sender, save) -> save.instance().setSlug(slugify(save.instance().getName())))
 *         .connect();
 *
 * Model<Animal> animals = Model.orSubclassOf(Animal.class);       // Animal, Dog, Cat, ...
 * return List.of(animals.postDelete(Shelter::forget),             // from a ReceiverProvider
 *         Model.of(Car.class).m2mChanged("parts", Inventory::recount),
 *         Model.any().postSave(Audit::saved));                    // every entity, any sender
 * }</pre>
 *
 * <p>Each method returns a {@link SignalBinding}: return it from a
 * {@link signals.core.ReceiverProvider} or call its {@code connect()}. The binding holds the
 * receiver you pass, not a wrapper, so {@code disconnect(receiver, sender(Person.class))}, dispatch
 * uids, duplicate detection, the inventory and {@code Signals.disconnectAll} treat it as your own.
 * The receiver's payload also carries the entity manager it may use ({@link ModelPayload}).
 *
 * @param <E> the entity type
 * @since 0.1
 */
public final class Model<E> {

    private static final Model<Object> ANY = new Model<>(Object.class, null);

    private final Class<E> type;
    private final ConnectOption sender;   // null for any()

    private Model(Class<E> type, ConnectOption sender) {
        this.type = type;
        this.sender = sender;
    }

    /**
     * The entity class alone, as Django compares senders: a subclass entity is its own sender and
     * is not included.
     *
     * @param type the entity class, not null
     * @param <E> the entity type
     * @return the model
     * @throws NullPointerException if the type is null
     */
    public static <E> Model<E> of(Class<E> type) {
        return new Model<>(type, ConnectOption.sender(type));
    }

    /**
     * The entity class and all its subclasses (or, for an interface, every entity implementing it).
     *
     * @param type the class or interface, not null
     * @param <E> the common type
     * @return the model
     * @throws NullPointerException if the type is null
     */
    public static <E> Model<E> orSubclassOf(Class<E> type) {
        return new Model<>(type, ConnectOption.senderOrSubclassOf(type));
    }

    /**
     * Every entity class, as a Django receiver connected without a sender hears every model: the
     * receiver gets the sends from any sender.
     *
     * @return the model of every entity
     */
    public static Model<Object> any() {
        return ANY;
    }

    /**
     * Returns the class this model stands for.
     *
     * @return the entity class or common type; {@code Object.class} for {@link #any()}
     */
    public Class<E> type() {
        return type;
    }

    /**
     * Binds a receiver of {@link ModelSignals#PRE_INIT} for this model.
     *
     * @param receiver the receiver, not null
     * @param options a {@link ConnectOption#dispatchUid} if wanted; not a sender, which this model is
     * @return the binding, not connected yet
     * @throws NullPointerException if the receiver or an option is null
     * @throws IllegalArgumentException if an option is a sender
     */
    public SignalBinding<PreInit<?>> preInit(Receiver<? super PreInit<E>> receiver, ConnectOption... options) {
        return bind(ModelSignals.PRE_INIT, receiver, options, sender);
    }

    /**
     * Binds a receiver of {@link ModelSignals#POST_INIT} for this model.
     *
     * @param receiver the receiver, not null
     * @param options a {@link ConnectOption#dispatchUid} if wanted; not a sender, which this model is
     * @return the binding, not connected yet
     * @throws NullPointerException if the receiver or an option is null
     * @throws IllegalArgumentException if an option is a sender
     */
    public SignalBinding<PostInit<?>> postInit(Receiver<? super PostInit<E>> receiver, ConnectOption... options) {
        return bind(ModelSignals.POST_INIT, receiver, options, sender);
    }

    /**
     * Binds a receiver of {@link ModelSignals#PRE_SAVE} for this model.
     *
     * @param receiver the receiver, not null
     * @param options a {@link ConnectOption#dispatchUid} if wanted; not a sender, which this model is
     * @return the binding, not connected yet
     * @throws NullPointerException if the receiver or an option is null
     * @throws IllegalArgumentException if an option is a sender
     */
    public SignalBinding<PreSave<?>> preSave(Receiver<? super PreSave<E>> receiver, ConnectOption... options) {
        return bind(ModelSignals.PRE_SAVE, receiver, options, sender);
    }

    /**
     * Binds a receiver of {@link ModelSignals#POST_SAVE} for this model.
     *
     * @param receiver the receiver, not null
     * @param options a {@link ConnectOption#dispatchUid} if wanted; not a sender, which this model is
     * @return the binding, not connected yet
     * @throws NullPointerException if the receiver or an option is null
     * @throws IllegalArgumentException if an option is a sender
     */
    public SignalBinding<PostSave<?>> postSave(Receiver<? super PostSave<E>> receiver, ConnectOption... options) {
        return bind(ModelSignals.POST_SAVE, receiver, options, sender);
    }

    /**
     * Binds a receiver of {@link ModelSignals#PRE_DELETE} for this model.
     *
     * @param receiver the receiver, not null
     * @param options a {@link ConnectOption#dispatchUid} if wanted; not a sender, which this model is
     * @return the binding, not connected yet
     * @throws NullPointerException if the receiver or an option is null
     * @throws IllegalArgumentException if an option is a sender
     */
    public SignalBinding<PreDelete<?>> preDelete(Receiver<? super PreDelete<E>> receiver, ConnectOption... options) {
        return bind(ModelSignals.PRE_DELETE, receiver, options, sender);
    }

    /**
     * Binds a receiver of {@link ModelSignals#POST_DELETE} for this model.
     *
     * @param receiver the receiver, not null
     * @param options a {@link ConnectOption#dispatchUid} if wanted; not a sender, which this model is
     * @return the binding, not connected yet
     * @throws NullPointerException if the receiver or an option is null
     * @throws IllegalArgumentException if an option is a sender
     */
    public SignalBinding<PostDelete<?>> postDelete(Receiver<? super PostDelete<E>> receiver, ConnectOption... options) {
        return bind(ModelSignals.POST_DELETE, receiver, options, sender);
    }

    /**
     * Binds a receiver of {@link ModelSignals#M2M_CHANGED} for one {@code @ManyToMany} association
     * this model's class owns, named as {@link ModelSignals#association(Class, String)} names it.
     *
     * <pre>{@code
     * Model.of(Car.class).m2mChanged("parts", (signal, association, change) -> recount(change.instance()));
     * }</pre>
     *
     * @param attribute the collection attribute of the owning side, not null
     * @param receiver the receiver, not null
     * @param options a {@link ConnectOption#dispatchUid} if wanted; not a sender, which the association is
     * @return the binding, not connected yet
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an option is a sender, or the association is not one
     *     (see {@link ModelSignals#association(Class, String)})
     * @throws IllegalStateException if this is {@link #any()}, which has no class to own one
     */
    public SignalBinding<M2mChanged> m2mChanged(String attribute, Receiver<? super M2mChanged> receiver,
                                                ConnectOption... options) {
        if (sender == null) {
            throw new IllegalStateException("Model.any() owns no association: use Model.any().m2mChanged(receiver)"
                    + " for every association, or Model.of(owner).m2mChanged(attribute, receiver) for one");
        }
        ConnectOption association = ConnectOption.sender(ModelSignals.association(type, attribute));
        return bind(ModelSignals.M2M_CHANGED, receiver, options, association);
    }

    /**
     * Binds a receiver of {@link ModelSignals#M2M_CHANGED} for every association; only for
     * {@link #any()}.
     *
     * @param receiver the receiver, not null
     * @param options a {@link ConnectOption#dispatchUid} if wanted; not a sender
     * @return the binding, not connected yet
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an option is a sender
     * @throws IllegalStateException if this model is a class's: name its association with
     *     {@link #m2mChanged(String, Receiver, ConnectOption...)}
     */
    public SignalBinding<M2mChanged> m2mChanged(Receiver<? super M2mChanged> receiver, ConnectOption... options) {
        if (sender != null) {
            throw new IllegalStateException("m2m_changed's sender is an association, not " + type.getName()
                    + ": name it, as in m2mChanged(\"parts\", receiver)");
        }
        return bind(ModelSignals.M2M_CHANGED, receiver, options, null);
    }

    // The receiver is bound as it is, not wrapped, so that it stays the user's for disconnect and
    // the inventory. Only sends from this model's sender reach it, so its payload's instance is an E.
    @SuppressWarnings("unchecked")
    private <P> SignalBinding<P> bind(Signal<P> signal, Receiver<?> receiver, ConnectOption[] options,
                                      ConnectOption from) {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(options, "options");
        ConnectOption[] all = options;
        if (from != null) {
            all = Arrays.copyOf(options, options.length + 1);
            all[options.length] = from;
        }
        try {
            return SignalBinding.receiver(signal, (Receiver<? super P>) receiver, all);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(signal.name() + " receiver for " + this + ": " + e.getMessage()
                    + " (the model is the sender; pass only a dispatchUid)", e);
        }
    }

    @Override
    public String toString() {
        return "Model[" + (sender == null ? "any" : sender) + "]";
    }
}
