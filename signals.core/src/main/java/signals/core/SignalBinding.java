package signals.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A receiver declared for one or more signals, not connected yet: the value form of Django's
 * {@code @receiver} decorator, returned by {@link ReceiverProvider#receivers()}.
 *
 * <pre>{@code
 * SignalBinding.receiver(PIZZA_DONE, Kitchen::announce, sender("seven"), dispatchUid("announce"))
 * SignalBinding.receiver(List.of(PRE_SAVE, POST_SAVE), Audit::log)     // one receiver, several signals
 * }</pre>
 *
 * @param <T> a type every payload of the bound signals has
 * @since 0.1
 */
public final class SignalBinding<T> {

    private final List<Signal<? extends T>> signals;
    private final Object receiver;
    private final boolean answers;
    private final ConnectOption.Parsed options;

    private SignalBinding(List<Signal<? extends T>> signals, Object receiver, boolean answers, ConnectOption[] options) {
        this.signals = signals;
        String where = "for a binding of " + names(signals);
        if (receiver == null) {
            throw new NullPointerException((answers ? "responder" : "receiver") + " is null, " + where);
        }
        this.receiver = receiver;
        this.answers = answers;
        this.options = ConnectOption.parse(options, where);
    }

    /**
     * Declares a receiver for one signal.
     *
     * @param signal the signal, not null
     * @param receiver the receiver, not null
     * @param options as for {@link Signal#connect}
     * @param <T> the payload type
     * @return the binding
     * @throws NullPointerException if an argument or an option is null
     * @throws IllegalArgumentException if an option is given twice
     */
    public static <T> SignalBinding<T> receiver(Signal<T> signal, Receiver<? super T> receiver, ConnectOption... options) {
        Objects.requireNonNull(signal, "signal");
        return new SignalBinding<>(List.of(signal), receiver, false, options);
    }

    /**
     * Declares one receiver for several signals, as Django's {@code @receiver([a, b])}.
     *
     * @param signals the signals, none null, at least one
     * @param receiver the receiver, not null; it accepts every signal's payload
     * @param options as for {@link Signal#connect}
     * @param <T> a type every payload has
     * @return the binding
     * @throws NullPointerException if an argument, a signal or an option is null
     * @throws IllegalArgumentException if there is no signal or an option is given twice
     */
    public static <T> SignalBinding<T> receiver(List<? extends Signal<? extends T>> signals, Receiver<? super T> receiver,
                                          ConnectOption... options) {
        return new SignalBinding<>(checked(signals), receiver, false, options);
    }

    /**
     * Declares a responder for one signal.
     *
     * @param signal the signal, not null
     * @param responder the responder, not null
     * @param options as for {@link Signal#connect}
     * @param <T> the payload type
     * @return the binding
     * @throws NullPointerException if an argument or an option is null
     * @throws IllegalArgumentException if an option is given twice
     */
    public static <T> SignalBinding<T> responder(Signal<T> signal, Responder<? super T> responder, ConnectOption... options) {
        Objects.requireNonNull(signal, "signal");
        return new SignalBinding<>(List.of(signal), responder, true, options);
    }

    /**
     * Returns the signals this binding connects to.
     *
     * @return the signals, in order
     */
    public List<Signal<? extends T>> signals() {
        return signals;
    }

    /**
     * Connects the receiver to every signal of this binding now.
     *
     * @return the connections, one per signal
     */
    public List<SignalConnection> connect() {
        Discovery.beforeConnect();
        Origin origin = Origin.caller();
        List<SignalConnection> connections = new ArrayList<>(signals.size());
        for (Signal<? extends T> signal : signals) {
            connections.addAll(signal.connectAll(List.of(link(signal, origin))));
        }
        return connections;
    }

    Link link(Signal<?> signal, Origin origin) {
        return answers ? Link.responder(signal, (Responder<?>) receiver, options, origin)
                : Link.receiver(signal, (Receiver<?>) receiver, options, origin);
    }

    @Override
    public String toString() {
        return "SignalBinding[" + names(signals) + " -> " + Descriptions.receiver(receiver, options.name) + "]";
    }

    private static String names(List<? extends Signal<?>> signals) {
        List<String> names = new ArrayList<>();
        signals.forEach(s -> names.add("'" + s.name() + "'"));
        return (names.size() == 1 ? "signal " : "signals ") + String.join(", ", names);
    }

    private static <T> List<Signal<? extends T>> checked(List<? extends Signal<? extends T>> signals) {
        Objects.requireNonNull(signals, "signals");
        if (signals.isEmpty()) {
            throw new IllegalArgumentException("signals is empty: bind a receiver to at least one signal");
        }
        for (int i = 0; i < signals.size(); i++) {
            if (signals.get(i) == null) {
                throw new NullPointerException("signals[" + i + "]");
            }
        }
        return List.copyOf(signals);
    }
}
