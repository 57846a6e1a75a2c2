package signals.relay.nats.internal;

import java.io.IOException;
import signals.relay.nats.NatsRelay;
import signals.relay.spi.Transport;
import signals.relay.spi.TransportContext;
import signals.relay.spi.TransportSession;

/**
 * The transport a relay finds with {@link java.util.ServiceLoader} when it is given none:
 * {@link NatsRelay#fromEnvironment()}, read when the relay starts.
 *
 * @since 0.10
 */
public final class DefaultNatsTransport implements Transport {

    /** Called by {@link java.util.ServiceLoader}. */
    public DefaultNatsTransport() {
    }

    @Override
    public String description() {
        return NatsRelay.fromEnvironment().description();
    }

    @Override
    public TransportSession open(TransportContext context) throws IOException {
        return NatsRelay.fromEnvironment().open(context);
    }
}
