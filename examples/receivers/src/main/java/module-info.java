/**
 * The shop's receivers. Nothing in the application names this module: {@code signals.core} finds
 * the provider below with {@link java.util.ServiceLoader} (on the class path, through
 * {@code META-INF/services}), and its bindings are all the wiring there is. It requires the
 * adapter modules whose signals it listens to; requiring them is also what puts them to work.
 */
module signals.examples.receivers {
    requires signals.core;
    requires signals.jdbc;
    requires signals.jpa;
    requires signals.servlet;
    requires signals.test;
    requires signals.examples.shop;

    provides signals.core.ReceiverProvider with signals.examples.receivers.ShopReceivers;
}
