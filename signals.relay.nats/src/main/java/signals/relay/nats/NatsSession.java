package signals.relay.nats;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import io.nats.client.PullRequestOptions;
import io.nats.client.Subscription;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.PublishAck;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.impl.Headers;
import signals.relay.spi.TransportContext;
import signals.relay.spi.TransportSession;
import signals.relay.spi.WireMessage;

/**
 * One relay's connection to NATS: publishes to the application's stream, and pulls from the
 * instance's durable consumer on a thread of its own, acknowledging after the relay delivered.
 *
 * <p>A connection is never resumed, only replaced (jnats is told not to reconnect). A resumed
 * jnats connection sends after the reconnect what it still had queued before it, while what was
 * on the wire is lost: a later publish stored before an earlier one. And the server forgets a
 * connection's pulls with it, which jnats' own consumer notices only when heartbeats stop. Here
 * the consumer thread owns the connection: when it is lost, the thread connects anew, places
 * the consumer at the first message it has not delivered, and pulls; publishes fail meanwhile
 * and the relay retries them.
 */
final class NatsSession implements TransportSession {

    static final System.Logger LOG = System.getLogger("signals.relay.nats");

    /** JetStream's API error codes for a stream and a consumer that do not exist. */
    static final int STREAM_NOT_FOUND = 10059;
    static final int CONSUMER_NOT_FOUND = 10014;
    /** JetStream's API error code for a stream sequence that holds no message (expired or deleted). */
    static final int NO_MESSAGE = 10037;

    /** Room for the headers this transport adds (Nats-Msg-Id, Nats-Expected-Stream). */
    static final int OWN_HEADERS = 256;

    /** How many messages one pull asks for. */
    static final int PULL_BATCH = 256;
    /** How long one pull waits on the server for messages. */
    static final long PULL_EXPIRES_MILLIS = 5_000;
    /** How often the server says a waiting pull is still alive. */
    static final long HEARTBEAT_MILLIS = 1_000;
    /** A pull that brings nothing, not even a heartbeat, for this long is lost. */
    static final long LOST_PULL_MILLIS = 3 * HEARTBEAT_MILLIS;

    /** The most messages delivered before one acknowledgement covers them all. */
    static final int ACK_EVERY = 64;

    /** How long a batch of publishes waits for the server's confirmations. */
    static final long PUBLISH_TIMEOUT_MILLIS = 5_000;

    /** How long the consumer thread waits between tries to connect anew. */
    static final long RETRY_MILLIS = 250;

    private static final byte[] ACK = "+ACK".getBytes(StandardCharsets.US_ASCII);

    /** The connection publishes go to, with its JetStream context; null while connecting anew. */
    private record Link(Connection connection, JetStream jetStream) {
    }

    private final NatsRelay transport;
    private final TransportContext context;
    private final String stream;
    private final String subject;
    private final String durable;
    private final String name;
    private final byte[] pullRequest;
    private volatile Link link;
    private volatile boolean running = true;
    private volatile long behind = -1;
    private int maxPayload;
    private Thread thread;
    // Only the consumer thread (and open, before it starts) uses these.
    private long next; // the stream sequence to deliver next; 0 until the consumer is first placed
    private ZonedDateTime created; // when the stream this session reads was created

    private NatsSession(NatsRelay transport, TransportContext context) {
        this.transport = transport;
        this.context = context;
        this.stream = "signals-" + context.application();
        this.subject = "signals.relay." + context.application();
        this.durable = context.instanceId();
        this.name = "relay " + context.application() + "/" + context.instanceId();
        this.pullRequest = PullRequestOptions.builder(PULL_BATCH).expiresIn(PULL_EXPIRES_MILLIS)
                .idleHeartbeat(HEARTBEAT_MILLIS).build().toJson().getBytes(StandardCharsets.UTF_8);
    }

    static NatsSession open(NatsRelay transport, TransportContext context) throws IOException {
        NatsSession session = new NatsSession(transport, context);
        Connection connection;
        try {
            connection = session.connect();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + transport.url());
        }
        session.maxPayload = (int) connection.getServerInfo().getMaxPayload();
        session.thread = new Thread(() -> session.run(connection), "signals-relay-nats " + context.application()
                + "/" + context.instanceId());
        session.thread.setDaemon(true);
        session.thread.start();
        return session;
    }

    /**
     * Connects, makes sure of the stream and places the consumer; publishes go to the new
     * connection once it returns.
     */
    private Connection connect() throws IOException, InterruptedException {
        Connection connection = Nats.connect(transport.optionsFor(context));
        try {
            JetStreamManagement management = connection.jetStreamManagement();
            ensureStream(management);
            place(management);
            link = new Link(connection, connection.jetStream());
            return connection;
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            connection.close();
            throw new IOException("cannot set up stream " + stream + " and consumer " + durable + " on "
                    + transport.url() + ": " + e.getMessage(), e);
        }
    }

    /*
     * Why the stream's creation time is kept: a stream deleted and created again (by hand, or by
     * a server that lost its storage) numbers its messages from one again, and the position this
     * session holds means nothing there. Everything in the new stream is newer than what the
     * session delivered, so it reads the new stream from its start.
     */
    private void ensureStream(JetStreamManagement management) throws IOException, JetStreamApiException {
        Duration retention = context.retention();
        Duration window = retention.compareTo(Duration.ofMinutes(2)) < 0 ? retention : Duration.ofMinutes(2);
        StreamInfo info;
        try {
            info = management.getStreamInfo(stream);
            StreamConfiguration config = info.getConfiguration();
            if (!retention.equals(config.getMaxAge())) {
                LOG.log(Level.INFO, () -> name + " changes the retention of stream " + stream + " from "
                        + config.getMaxAge() + " to " + retention);
                management.updateStream(StreamConfiguration.builder(config).maxAge(retention)
                        .duplicateWindow(window).build());
            }
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
            info = management.addStream(StreamConfiguration.builder()
                    .name(stream)
                    .subjects(subject)
                    .retentionPolicy(RetentionPolicy.Limits)
                    .storageType(StorageType.File)
                    .maxAge(retention)
                    .duplicateWindow(window)
                    .build());
        }
        if (created != null && !created.equals(info.getCreateTime())) {
            LOG.log(Level.WARNING, () -> name + ": stream " + stream + " was created again; reading it from its start");
            next = 1;
        }
        created = info.getCreateTime();
    }

    /*
     * Why the consumer is created anew at each placement rather than reused: a new consumer has
     * no pull of a lost connection waiting on it, nothing delivered and unacknowledged that the
     * server would send again only after the ack wait (behind newer messages), and the settings
     * of this relay. Its position is the first message this session has not delivered, or, at
     * the start, the first the instance has not acknowledged; an instance the server knows
     * nothing of starts with what is sent next.
     */
    private void place(JetStreamManagement management) throws IOException, JetStreamApiException {
        long from = next;
        try {
            ConsumerInfo info = management.getConsumerInfo(stream, durable);
            if (from == 0) {
                from = info.getAckFloor().getStreamSequence() + 1;
            }
            management.deleteConsumer(stream, durable);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != CONSUMER_NOT_FOUND) {
                throw e;
            }
            if (from > 0) {
                long lost = from;
                LOG.log(Level.INFO, () -> name + ": the server lost consumer " + durable
                        + "; it is created again from stream sequence " + lost);
            }
        }
        ConsumerConfiguration.Builder config = ConsumerConfiguration.builder()
                .durable(durable)
                .ackPolicy(AckPolicy.All)
                .ackWait(transport.ackWait())
                .filterSubject(subject)
                .inactiveThreshold(context.retention().multipliedBy(2));
        ConsumerInfo placed = management.addOrUpdateConsumer(stream, from == 0
                ? config.deliverPolicy(DeliverPolicy.New).build()
                : config.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(from).build());
        // A new consumer reports the message before its first as delivered.
        next = placed.getDelivered().getStreamSequence() + 1;
    }

    /** The consumer thread: consumes on a connection until it is lost, then on a new one. */
    private void run(Connection first) {
        Connection connection = first;
        while (connection != null) {
            Exception lost = consume(connection);
            link = null;
            close(connection);
            if (running) {
                LOG.log(Level.WARNING, () -> name + " lost its connection to " + transport.url() + " (" + lost
                        + "); connecting again");
            }
            connection = running ? reconnect() : null;
        }
    }

    /** Connects until it succeeds; null when the session closed meanwhile. */
    private Connection reconnect() {
        while (running) {
            try {
                Connection connection = connect();
                LOG.log(Level.INFO, () -> name + " connected again to " + transport.url());
                return connection;
            } catch (IOException e) {
                // The server is still away, or not ready; the relay's publisher says so meanwhile.
            } catch (InterruptedException e) {
                return null;
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                return null;
            }
        }
        return null;
    }

    /*
     * One pull at a time, on an inbox of its own: a new pull is sent when the last one has
     * brought its batch, ended (expired, or ended by the server), or fell silent (no heartbeat),
     * which means the server forgot it. The stream sequence is watched: the consumer's subject is
     * the whole stream, so a message follows the last one delivered. A jump means messages were
     * lost on the way (a pull of a lost connection took them, and the server would send them
     * again only after the ack wait, behind newer ones), or expired, or were deleted. The stream
     * says which: for messages it still holds, the consumer is placed again at the first one, on
     * a new inbox, so that nothing of the old pulls gets in between. Returns null when the
     * session closes, and why when the connection is lost.
     */
    private Exception consume(Connection connection) {
        Subscription inbox = null;
        int asked = 0;
        String last = null; // the reply subject of the last message delivered, on the consumer placed last
        int runLength = 0; // messages delivered since the last acknowledgement
        long heard = System.nanoTime();
        try {
            // No check of the connection's status: jnats closes a lost connection (it never
            // reconnects here), which ends its subscriptions, and the next nextMessage, publish
            // or subscribe throws IllegalStateException (caught below). In the outage tests
            // that exception always found the loss before such a check did.
            while (running) {
                if (inbox == null) {
                    inbox = connection.subscribe(connection.createInbox());
                    asked = 0;
                }
                if (asked == 0) {
                    connection.publish("$JS.API.CONSUMER.MSG.NEXT." + stream + "." + durable, inbox.getSubject(),
                            pullRequest);
                    asked = PULL_BATCH;
                    heard = System.nanoTime();
                }
                Message message = inbox.nextMessage(Duration.ofMillis(100));
                if (message == null) {
                    if (System.nanoTime() - heard > TimeUnit.MILLISECONDS.toNanos(LOST_PULL_MILLIS)) {
                        // The pull, or the consumer itself, is gone from the server.
                        inbox = placeAgain(connection, inbox);
                        last = null; // of the consumer just replaced: its sequences mean nothing now
                        runLength = 0;
                    }
                    continue;
                }
                heard = System.nanoTime();
                if (message.isStatusMessage()) {
                    if (message.getStatus().getCode() != 100) { // not a heartbeat: the pull ended
                        asked = 0;
                    }
                } else {
                    asked--;
                    long sequence = message.metaData().streamSequence();
                    if (sequence > next && missing(connection.jetStreamManagement(), sequence)) {
                        long from = next;
                        LOG.log(Level.INFO, () -> name + " missed messages in flight; reading again from stream"
                                + " sequence " + from);
                        inbox = placeAgain(connection, inbox);
                        last = null;
                        runLength = 0;
                        continue;
                    }
                    if (sequence >= next) { // a smaller one was delivered already
                        if (!own(message)) {
                            context.deliver(toWire(message));
                        }
                        next = sequence + 1;
                        behind = message.metaData().pendingCount();
                    }
                    last = message.getReplyTo();
                    runLength++;
                }
                // The consumer acknowledges all up to the last message (AckPolicy.All): one
                // acknowledgement ends a run of messages, or every ACK_EVERY, so that a crash
                // delivers again at most that many. A lost acknowledgement is made good by the
                // next. The run ends when nothing waits in the inbox, also after a status message:
                // a heartbeat that came while the last message was delivered (a receiver slower
                // than the heartbeat) waits behind it, and must not keep it unacknowledged.
                if (runLength >= ACK_EVERY || runLength > 0 && inbox.getPendingMessageCount() == 0) {
                    connection.publish(last, ACK);
                    runLength = 0;
                }
            }
            // Closing: the last message delivered is acknowledged once more, this time as a
            // request, which the server answers once the consumer took it. Acknowledgements
            // sent before went first on this connection, so once the answer came, every message
            // delivered is acknowledged, the last of a run too, and nothing of it is left in
            // the queue the connection drops when it closes. A server that does not answer
            // within a second is not waited for: what it did not take comes again.
            if (last != null) {
                connection.request(last, ACK, Duration.ofSeconds(1));
            }
            return null;
        } catch (IOException | JetStreamApiException | RuntimeException | InterruptedException e) {
            // A closed connection throws IllegalStateException; InterruptedException means that
            // close() gave up waiting. What was not acknowledged comes again, from where this
            // session stood, on the next connection.
            return e;
        }
    }

    /** This instance's own message, which its receivers heard when it was sent: not delivered. */
    private boolean own(Message message) {
        Headers headers = message.getHeaders();
        return headers != null && durable.equals(headers.getFirst(WireMessage.INSTANCE_HEADER));
    }

    /**
     * Whether the stream still holds a message between the next one and this sequence, and
     * makes the next the first it holds. False when every message between expired or was
     * deleted: then nothing was lost.
     */
    private boolean missing(JetStreamManagement management, long sequence) throws IOException, JetStreamApiException {
        long first = management.getStreamInfo(stream).getStreamState().getFirstSequence();
        for (long at = Math.max(next, first); at < sequence; at++) {
            try {
                management.getMessage(stream, at);
                next = at;
                return true;
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != NO_MESSAGE) {
                    throw e;
                }
            }
        }
        return false;
    }

    /** Places the consumer again at the next message, to be pulled on a new inbox; returns null. */
    private Subscription placeAgain(Connection connection, Subscription inbox) throws IOException, JetStreamApiException {
        inbox.unsubscribe();
        place(connection.jetStreamManagement());
        return null;
    }

    /**
     * The relay's headers of a message and its body. NATS's own headers ({@code Nats-Msg-Id},
     * {@code Nats-Expected-Stream}) stay behind, so that the size the relay checks on receipt is
     * the size it checked before publishing.
     */
    static WireMessage toWire(Message message) {
        Map<String, String> headers = new LinkedHashMap<>();
        Headers natsHeaders = message.getHeaders();
        if (natsHeaders != null) {
            for (Map.Entry<String, List<String>> header : natsHeaders.entrySet()) {
                if (!header.getValue().isEmpty() && !header.getKey().startsWith("Nats-")) {
                    headers.put(header.getKey(), header.getValue().get(0));
                }
            }
        }
        byte[] data = message.getData();
        return WireMessage.of(headers, data == null ? new byte[0] : data);
    }

    @Override
    public int maxMessageBytes() {
        return maxPayload - OWN_HEADERS;
    }

    /**
     * Publishes the whole batch without waiting, then waits for each confirmation in order.
     * Safe for order because a connection is never resumed: if it is lost mid-batch, the server
     * stored a first part of the batch and nothing after it, and the relay publishes the batch
     * again on the next connection, where the first part is deduplicated.
     */
    @Override
    public void publish(List<WireMessage> batch) throws IOException, InterruptedException {
        Link current = link;
        if (current == null) {
            throw new IOException(name + " is not connected to " + transport.url() + "; connecting again");
        }
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>(batch.size());
        for (WireMessage message : batch) {
            acks.add(publishAsync(current, message));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PUBLISH_TIMEOUT_MILLIS);
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (CancellationException e) {
                throw new IOException(name + " lost its connection to " + transport.url() + " before message "
                        + batch.get(i).id() + " was confirmed", e);
            } catch (ExecutionException e) {
                throw new IOException("stream " + stream + " did not store message " + batch.get(i).id() + ": "
                        + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                // A connection that confirms nothing is replaced: closing it makes the consumer
                // thread connect anew.
                close(current.connection());
                throw new IOException("stream " + stream + " did not confirm message " + batch.get(i).id()
                        + " within " + PUBLISH_TIMEOUT_MILLIS + " ms", e);
            }
        }
    }

    /**
     * Hands the message to the connection's writer and returns: jnats sends it from its own
     * thread, and the server's answer completes the future.
     */
    @Override
    public Future<?> publishNow(WireMessage message) throws IOException {
        Link current = link;
        if (current == null) {
            throw new IOException(name + " is not connected to " + transport.url() + "; connecting again");
        }
        return publishAsync(current, message);
    }

    private CompletableFuture<PublishAck> publishAsync(Link current, WireMessage message) throws IOException {
        Headers headers = new Headers();
        message.headers().forEach(headers::add);
        try {
            return current.jetStream().publishAsync(subject, headers, message.body(),
                    PublishOptions.builder().messageId(message.id()).expectedStream(stream).build());
        } catch (IllegalStateException e) {
            throw new IOException(name + " lost its connection to " + transport.url() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long behind() {
        return behind;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
