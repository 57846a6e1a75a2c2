/**
 * The runnable demo: Django's {@code pizza_done} custom signal, declared, connected by a
 * {@link signals.core.ReceiverProvider} that only this descriptor wires, and sent; then
 * {@code connection_created}, fired by {@code signals.jdbc} for an embedded H2 database.
 */
module signals.examples {
    requires signals.core;
    requires signals.jdbc;

    provides signals.core.ReceiverProvider with signals.examples.Kitchen;
}
