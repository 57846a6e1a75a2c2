package signals.relay.nats;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import io.nats.client.ErrorListener;
import io.nats.client.Options;
import signals.relay.spi.Transport;
import signals.relay.spi.TransportContext;
import signals.relay.spi.TransportSession;

/**
 * The NATS JetStream transport for {@code signals.relay}: which server, and how. Immutable; each
 * {@code with} method returns a copy.
 *
 * <pre>{@code
 * Relay relay = Relay.builder("shop").instanceId("web-1")
 *         .relay(ORDER_PAID, RelayCodec.kwargs())
 *         .transport(NatsRelay.server("nats://127.0.0.1:4222"))
 *         .start();
 * }</pre>
 *
 * <h2>What it creates on the server</h2>
 * <ul>
 *   <li>A stream {@code signals-<application>} on the subject {@code signals.relay.<application>},
 *       file storage, Limits retention with {@code max_age} = the relay's retention, and a
 *       duplicate window of two minutes (or the retention, if shorter): a send published twice
 *       within it is stored once. A relay that starts with another retention updates it.</li>
 *   <li>A durable pull consumer named after the instance id, acknowledging all messages up to
 *       the one acknowledged, with an inactivity threshold of twice the retention: an instance
 *       that comes back within it catches up from where it stood; one that stays away longer
 *       starts afresh with what is sent after it comes back, as does a new instance.</li>
 * </ul>
 * Each message is acknowledged after the local receivers ran. Each time the relay connects it
 * creates the instance's consumer anew, from the first message it has not delivered (in a
 * restarted instance: the first it has not acknowledged), so that a message a crash caught comes
 * again first, in order; receivers that must not act twice drop it by {@code Remote.id()}.
 *
 * <p>It runs on NATS server 2.9 and later and uses nothing newer.
 *
 * @since 0.10
 */
public final class NatsRelay implements Transport {

    /** The system property that names the server for {@link #fromEnvironment()}. */
    public static final String URL_PROPERTY = "signals.relay.nats.url";

    static final String DEFAULT_URL = "nats://127.0.0.1:4222";

    private final String url;
    private final Options options;
    private final Duration ackWait;

    private NatsRelay(String url, Options options, Duration ackWait) {
        this.url = url;
        this.options = options;
        this.ackWait = ackWait;
    }

    /**
     * The server at this URL, with the relay's connection settings: a 2 second connect timeout,
     * the connection named after the relay, and a lost connection replaced by a new one, tried
     * every quarter of a second for as long as the relay runs.
     *
     * @param url such as {@code nats://127.0.0.1:4222}, or several separated by commas; not blank
     * @return the transport
     * @throws NullPointerException if the URL is null
     * @throws IllegalArgumentException if it is blank
     */
    public static NatsRelay server(String url) {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("the NATS server URL is blank");
        }
        return new NatsRelay(url.trim(), null, Duration.ofSeconds(30));
    }

    /**
     * The server as the application's own jnats options say (TLS, credentials, listeners),
     * used as they are except for reconnecting: the relay sets {@code maxReconnects(0)} and
     * replaces a lost connection with a new one itself, because a connection that jnats resumes
     * sends what it still had queued after what it lost on the wire, out of order.
     *
     * @param options the options, not null
     * @return the transport
     * @throws NullPointerException if the options are null
     */
    public static NatsRelay withOptions(Options options) {
        Objects.requireNonNull(options, "options");
        return new NatsRelay(String.join(",", options.getUnprocessedServers()), options, Duration.ofSeconds(30));
    }

    /**
     * The server named by the system property {@value #URL_PROPERTY}, else by the environment
     * variable {@code NATS_URL}, else {@code nats://127.0.0.1:4222}: what a relay uses when it
     * finds this module and is given no transport.
     *
     * @return the transport
     */
    public static NatsRelay fromEnvironment() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            url = System.getenv("NATS_URL");
        }
        return server(url == null || url.isBlank() ? DEFAULT_URL : url);
    }

    /**
     * Sets how long the server waits for a delivered message's acknowledgement before it
     * delivers it again, while the instance runs: the transport skips such a repeat, so this
     * only needs to be longer than the local receivers of a few hundred sends usually take,
     * lest the server send them twice. 30 seconds unless set.
     *
     * @param ackWait at least one second
     * @return a copy with that ack wait
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it is under one second
     */
    public NatsRelay withAckWait(Duration ackWait) {
        Objects.requireNonNull(ackWait, "ackWait");
        if (ackWait.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("ackWait must be at least one second, not " + ackWait);
        }
        return new NatsRelay(url, options, ackWait);
    }

    /**
     * The server's URL or URLs.
     *
     * @return as given
     */
    public String url() {
        return url;
    }

    /**
     * The ack wait of the instance's consumer.
     *
     * @return the duration
     */
    public Duration ackWait() {
        return ackWait;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "NATS JetStream " + url;
    }

    /**
     * Connects, creates or updates the application's stream and the instance's consumer, and
     * starts delivering.
     *
     * @param context the relay's side, not null
     * @return the session
     * @throws IOException when the server cannot be reached, has no JetStream, or refuses the set-up
     */
    @Override
    public TransportSession open(TransportContext context) throws IOException {
        Objects.requireNonNull(context, "context");
        return NatsSession.open(this, context);
    }

    /*
     * Why jnats never reconnects on its own here: a resumed connection sends what it still had
     * queued once it is back, after what was lost on the wire, so later sends could be stored
     * before earlier ones; and the pulls waiting on the server are forgotten with the old
     * connection. The session replaces a lost connection with a new one instead.
     */
    Options optionsFor(TransportContext context) {
        Options.Builder builder = options != null ? new Options.Builder(options)
                : new Options.Builder()
                        .server(url)
                        .connectionName("signals-relay " + context.application() + "/" + context.instanceId())
                        .connectionTimeout(Duration.ofSeconds(2))
                        // The session logs what matters (a lost connection, a new one) itself.
                        .errorListener(new ErrorListener() { });
        return builder.maxReconnects(0).build();
    }

    @Override
    public String toString() {
        return description();
    }
}
