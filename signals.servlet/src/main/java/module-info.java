/**
 * Django's request signals for any Jakarta Servlet 6.1 container: {@code request_started},
 * {@code request_finished}, {@code got_request_exception} and {@code template_rendered}, fired by
 * {@link signals.servlet.SignalsFilter}, the filter an application declares in its {@code web.xml}.
 *
 * <p>The filter also connects the receivers of the application's own
 * {@link signals.core.ReceiverProvider}s when the application starts, and disconnects them when it
 * stops, so that a container can undeploy it without keeping its class loader.
 *
 * @provides jakarta.servlet.ServletContainerInitializer registers the filter in applications
 *     that set the context parameter {@code signals.servlet.autoRegister} to {@code true}, and
 *     does nothing in the others
 * @provides signals.core.spi.SignalAdapter describes this module and its four signals to
 *     {@code signals.core}, for the inventory and for its missing-adapter warning
 */
module signals.servlet {
    requires transitive signals.core;
    requires transitive jakarta.servlet;
    // Optional: an application with signals.jdbc has its jdbc:signals: driver deregistered on stop.
    requires static signals.jdbc;

    exports signals.servlet;

    provides jakarta.servlet.ServletContainerInitializer with signals.servlet.internal.SignalsInitializer;
    provides signals.core.spi.SignalAdapter with signals.servlet.internal.ServletAdapter;
}
