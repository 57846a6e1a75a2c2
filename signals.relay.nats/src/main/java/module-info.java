/**
 * The NATS JetStream transport of {@code signals.relay}: one stream per application, kept for
 * the relay's retention, and one durable consumer per instance, so that an instance that was
 * down catches up on what it missed.
 *
 * <p>{@link signals.relay.nats.NatsRelay} is the API: the server and options to use. Without
 * it, a relay that finds this module alone uses the server named by the system property
 * {@code signals.relay.nats.url}, else the environment variable {@code NATS_URL}, else
 * {@code nats://127.0.0.1:4222}.
 *
 * @provides signals.relay.spi.Transport the default NATS transport, for a relay given none
 */
module signals.relay.nats {
    requires transitive signals.relay;
    requires transitive io.nats.jnats;

    exports signals.relay.nats;

    provides signals.relay.spi.Transport with signals.relay.nats.internal.DefaultNatsTransport;
}
