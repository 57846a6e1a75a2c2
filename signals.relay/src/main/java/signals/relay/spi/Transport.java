package signals.relay.spi;

import java.io.IOException;

/**
 * A way for relayed sends to travel between the instances of an application: a broker and the
 * settings to reach it. A transport module provides one; an application passes it to
 * {@code Relay.Builder.transport}, or lets the relay find the only one installed.
 *
 * <pre>{@code
 * module signals.relay.nats {
 *     requires signals.relay;
 *     provides signals.relay.spi.Transport with signals.relay.nats.internal.DefaultNatsTransport;
 * }
 * }</pre>
 *
 * <h2>Rules for implementers</h2>
 * Immutable and thread-safe. The provider that {@link java.util.ServiceLoader} creates is a public
 * class with a public no-argument constructor, listed in {@code module-info.java} and in
 * {@code META-INF/services/signals.relay.spi.Transport}, and reads its settings from the
 * environment (system properties, environment variables) with a documented default.
 *
 * @since 0.10
 */
public interface Transport {

    /**
     * Names the broker for people: logs, errors and the inventory show it.
     *
     * @return a short description, such as {@code "NATS JetStream nats://127.0.0.1:4222"}
     */
    String description();

    /**
     * Connects one relay to the broker: makes sure the application's stream or table exists,
     * the instance's position in it, and starts delivering what other instances send to
     * {@link TransportContext#deliver}.
     *
     * @param context the relay's side, not null
     * @return the open session, which the relay closes once
     * @throws IOException when the broker cannot be reached or refuses the set-up; the message
     *     says which broker and what failed
     */
    TransportSession open(TransportContext context) throws IOException;
}
