/**
 * Relays chosen signals to every instance of an application: a send on one instance reaches the
 * receivers of that signal on the others too, through a broker the application already runs.
 *
 * <p>{@link signals.relay.Relay} is the whole API: which signals, with which
 * {@link signals.relay.RelayCodec}, under which application name and instance id. A transport
 * module ({@code signals.relay.nats}) provides a {@link signals.relay.spi.Transport}; the relay
 * takes the one passed to its builder, or the only one {@link java.util.ServiceLoader} finds.
 * The relay connects an ordinary receiver to each relayed signal: signals that are not relayed
 * pay nothing. When {@code jdk.jfr} is present it emits the JDK Flight Recorder events
 * {@code signals.RelayState} and {@code signals.RelaySkip}.
 *
 * @uses signals.relay.spi.Transport
 * @provides signals.core.spi.SignalAdapter shows every running relay, with its counts, in
 *     {@code Signals.inventory()}
 */
module signals.relay {
    requires transitive signals.core;
    requires static jdk.jfr;

    exports signals.relay;
    exports signals.relay.spi;

    uses signals.relay.spi.Transport;

    provides signals.core.spi.SignalAdapter with signals.relay.internal.RelayAdapter;
}
