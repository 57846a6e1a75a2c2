/**
 * The runnable demo: Django's {@code pizza_done} custom signal, declared, connected by a
 * {@link signals.core.ReceiverProvider} that only this descriptor wires, and sent.
 */
module signals.examples {
    requires signals.core;

    provides signals.core.ReceiverProvider with signals.examples.Kitchen;
}
