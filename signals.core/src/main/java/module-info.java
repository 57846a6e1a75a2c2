/**
 * Django's signal dispatcher for Java.
 *
 * <p>{@link signals.core.Signal} is the dispatcher: connect receivers, then send. User modules
 * connect their receivers by providing {@link signals.core.ReceiverProvider}, which this module
 * finds with {@link java.util.ServiceLoader} the first time any signal is used. Adapter modules
 * ({@code signals.jdbc}, {@code signals.jpa}, {@code signals.servlet}, {@code signals.test}) fire
 * Django's built-in signals from their hosts and describe themselves through
 * {@link signals.core.spi.SignalAdapter}.
 *
 * <p>This module needs nothing but {@code java.base}, opens nothing and reflects over nothing.
 * When the {@code jdk.jfr} module is present it emits the JDK Flight Recorder events
 * {@code signals.Send} and {@code signals.Receiver} (off unless a recording enables them);
 * without it, it runs as before.
 *
 * @uses signals.core.ReceiverProvider
 * @uses signals.core.spi.SignalAdapter
 */
module signals.core {
    exports signals.core;
    exports signals.core.spi;

    requires static jdk.jfr;

    uses signals.core.ReceiverProvider;
    uses signals.core.spi.SignalAdapter;
}
