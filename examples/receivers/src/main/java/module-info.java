/**
 * The shop's receivers. Nothing in the application names this module: {@code signals.core} finds
 * the provider below with {@link java.util.ServiceLoader} (on the class path, through
 * {@code META-INF/services}), and its bindings are all the wiring there is.
 */
module signals.examples.receivers {
    requires signals.core;
    requires signals.jdbc;
    requires signals.examples.shop;

    provides signals.core.ReceiverProvider with signals.examples.receivers.ShopReceivers;
}
