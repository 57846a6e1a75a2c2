package signals.relay.nats;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ConsumeOptions;
import io.nats.client.ErrorListener;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
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
 * instance's durable consumer on a thread of its own, acknowledging each message after the
 * relay delivered it.
 */
final class NatsSession implements TransportSession, ErrorListener {

    static final System.Logger LOG = System.getLogger("signals.relay.nats");

    /** JetStream's API error codes for a stream and a consumer that do not exist. */
    static final int STREAM_NOT_FOUND = 10059;
    static final int CONSUMER_NOT_FOUND = 10014;

    /** Room for the headers this transport adds (Nats-Msg-Id, Nats-Expected-Stream). */
    static final int OWN_HEADERS = 256;

    /**
     * How long one pull waits on the server. Short, because a pull lost with a connection is only
     * noticed when its heartbeats stop: this bounds how long delivery pauses after a reconnect.
     */
    static final long PULL_EXPIRES_MILLIS = 4_000;

    /**
     * How long the consumer may stay quiet before it pulls anew. After a server restart, jnats
     * was seen with no pull waiting on the server and none sent, while messages were pending;
     * a new pull every few quiet seconds costs an idle relay one small request.
     */
    static final long QUIET_MILLIS = 5_000;

    /** How long a batch of publishes waits for the server's confirmations. */
    static final long PUBLISH_TIMEOUT_MILLIS = 5_000;

    private final NatsRelay transport;
    private final TransportContext context;
    private final String stream;
    private final String subject;
    private final String name;
    private Connection connection;
    private JetStream jetStream;
    // Replaced by the consumer thread when it rewinds; close() stops whichever is current.
    private volatile IterableConsumer consumer;
    private Thread thread;
    private volatile boolean running = true;
    // Set on each reconnect: the consumer thread then pulls anew rather than wait for the lost
    // pull's heartbeats to be missed (seconds), or for a pull manager that gave up.
    private volatile boolean reconnected;
    private int unanswered; // publish windows in a row that timed out; only the relay's publisher uses it
    private volatile long behind = -1;

    private NatsSession(NatsRelay transport, TransportContext context) {
        this.transport = transport;
        this.context = context;
        this.stream = "signals-" + context.application();
        this.subject = "signals.relay." + context.application();
        this.name = "relay " + context.application() + "/" + context.instanceId();
    }

    static NatsSession open(NatsRelay transport, TransportContext context) throws IOException {
        NatsSession session = new NatsSession(transport, context);
        try {
            session.connection = Nats.connect(transport.optionsFor(context, session));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + transport.url());
        }
        try {
            session.start();
            return session;
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            session.closeConnection();
            throw e instanceof IOException ? (IOException) e
                    : new IOException("cannot set up stream " + session.stream + " and consumer "
                            + context.instanceId() + ": " + e.getMessage(), e);
        }
    }

    private void start() throws IOException, JetStreamApiException {
        JetStreamManagement management = connection.jetStreamManagement();
        ensureStream(management);
        ensureConsumer(management);
        jetStream = connection.jetStream();
        consumer = iterate();
        thread = new Thread(this::consume, "signals-relay-nats " + context.application() + "/" + context.instanceId());
        thread.setDaemon(true);
        thread.start();
    }

    private void ensureStream(JetStreamManagement management) throws IOException, JetStreamApiException {
        Duration retention = context.retention();
        Duration window = retention.compareTo(Duration.ofMinutes(2)) < 0 ? retention : Duration.ofMinutes(2);
        StreamInfo info;
        try {
            info = management.getStreamInfo(stream);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
            management.addStream(StreamConfiguration.builder()
                    .name(stream)
                    .subjects(subject)
                    .retentionPolicy(RetentionPolicy.Limits)
                    .storageType(StorageType.File)
                    .maxAge(retention)
                    .duplicateWindow(window)
                    .build());
            return;
        }
        StreamConfiguration config = info.getConfiguration();
        if (!retention.equals(config.getMaxAge())) {
            LOG.log(Level.INFO, () -> name + " changes the retention of stream " + stream + " from "
                    + config.getMaxAge() + " to " + retention);
            management.updateStream(StreamConfiguration.builder(config).maxAge(retention).duplicateWindow(window)
                    .build());
        }
    }

    private void ensureConsumer(JetStreamManagement management) throws IOException, JetStreamApiException {
        Duration inactive = context.retention().multipliedBy(2);
        ConsumerInfo info;
        try {
            info = management.getConsumerInfo(stream, context.instanceId());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != CONSUMER_NOT_FOUND) {
                throw e;
            }
            management.addOrUpdateConsumer(stream, consumerConfiguration().deliverPolicy(DeliverPolicy.New).build());
            return;
        }
        ConsumerConfiguration config = info.getConsumerConfiguration();
        if (!transport.ackWait().equals(config.getAckWait()) || !inactive.equals(config.getInactiveThreshold())) {
            management.addOrUpdateConsumer(stream, ConsumerConfiguration.builder(config)
                    .ackWait(transport.ackWait()).inactiveThreshold(inactive).build());
        }
    }

    private ConsumerConfiguration.Builder consumerConfiguration() {
        return ConsumerConfiguration.builder()
                .durable(context.instanceId())
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(transport.ackWait())
                .filterSubject(subject)
                .inactiveThreshold(context.retention().multipliedBy(2));
    }

    private IterableConsumer iterate() throws IOException, JetStreamApiException {
        return connection.getStreamContext(stream).getConsumerContext(context.instanceId())
                .iterate(ConsumeOptions.builder().batchSize(256).expiresIn(PULL_EXPIRES_MILLIS).build());
    }

    /*
     * Why the stream sequence is watched: the consumer's subject is the whole stream, so each
     * message's stream sequence follows the last one's. A jump means messages were delivered to
     * this consumer and lost on the way (a connection dropped while they were in flight); the
     * server would deliver them again only when their ack wait ends, behind newer ones, and the
     * sending instance's order would be lost. The relay rewinds instead: the consumer is created
     * again from the first missing message, and the newer ones come again after it. A jump
     * because messages expired is taken as it is after one rewind.
     */
    private void consume() {
        long last = -1; // the stream sequence of the last message delivered; -1 when not known
        long quietSince = System.nanoTime();
        while (running) {
            Message message;
            try {
                message = consumer.nextMessage(Duration.ofMillis(250));
            } catch (InterruptedException e) {
                break;
            } catch (JetStreamStatusCheckedException e) {
                LOG.log(Level.DEBUG, () -> name + ": pull status " + e.getMessage());
                continue;
            }
            if (message != null) {
                quietSince = System.nanoTime();
            }
            if (reconnected || consumer.isFinished()
                    || System.nanoTime() - quietSince > TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                reconnected = false;
                quietSince = System.nanoTime();
                if (!pullAgain()) {
                    break;
                }
                continue;
            }
            if (message == null || !message.isJetStream()) {
                continue;
            }
            long sequence = message.metaData().streamSequence();
            if (last >= 0 && sequence > last + 1) {
                if (!rewind(last + 1)) {
                    break;
                }
                last = -1;
                continue;
            }
            context.deliver(toWire(message));
            acknowledge(message);
            last = Math.max(last, sequence);
            behind = message.metaData().pendingCount();
        }
    }

    private void acknowledge(Message message) {
        try {
            message.ack();
        } catch (RuntimeException e) {
            // Disconnected: the server delivers it again after the ack wait; the relay drops it then.
            LOG.log(Level.DEBUG, () -> name + ": acknowledgement not sent (" + e + ")");
        }
    }

    /** Deletes the instance's consumer; one already gone (an earlier try deleted it) is fine. */
    private void deleteConsumer(JetStreamManagement management) throws IOException, JetStreamApiException {
        try {
            management.deleteConsumer(stream, context.instanceId());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != CONSUMER_NOT_FOUND) {
                throw e;
            }
        }
    }

    /** Stops the current pulls and starts new ones on the same consumer; false if the session closed. */
    private boolean pullAgain() {
        LOG.log(Level.DEBUG, () -> name + " pulls again after a reconnect");
        consumer.stop();
        long wait = 100;
        while (running) {
            try {
                ensureConsumer(connection.jetStreamManagement());
                consumer = iterate();
                return true;
            } catch (IOException | JetStreamApiException | RuntimeException e) {
                LOG.log(Level.DEBUG, () -> name + ": pulling again failed (" + e + "); trying again");
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    return false;
                }
                wait = Math.min(wait * 2, 2_000);
            }
        }
        return false;
    }

    /** Creates the consumer again from a stream sequence; false if the session closed meanwhile. */
    private boolean rewind(long from) {
        LOG.log(Level.INFO, () -> name + " missed messages in flight; reading again from stream sequence " + from);
        consumer.stop();
        long wait = 100;
        while (running) {
            try {
                JetStreamManagement management = connection.jetStreamManagement();
                deleteConsumer(management);
                management.addOrUpdateConsumer(stream, consumerConfiguration()
                        .deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(from).build());
                consumer = iterate();
                return true;
            } catch (IOException | JetStreamApiException | RuntimeException e) {
                LOG.log(Level.DEBUG, () -> name + ": rewinding failed (" + e + "); trying again");
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    return false;
                }
                wait = Math.min(wait * 2, 2_000);
            }
        }
        return false;
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
        return (int) connection.getServerInfo().getMaxPayload() - OWN_HEADERS;
    }

    /**
     * Publishes the batch in windows of {@link NatsRelay#publishWindow()} messages: each window
     * without waiting, then each confirmation in order. With a window of one, nothing is sent
     * before the previous message is stored, so a lost connection cannot reorder the stream.
     */
    @Override
    public void publish(List<WireMessage> batch) throws IOException, InterruptedException {
        int window = transport.publishWindow();
        for (int from = 0; from < batch.size(); from += window) {
            List<WireMessage> part = batch.subList(from, Math.min(batch.size(), from + window));
            List<CompletableFuture<PublishAck>> acks = new ArrayList<>(part.size());
            for (WireMessage message : part) {
                Headers headers = new Headers();
                message.headers().forEach(headers::add);
                acks.add(jetStream.publishAsync(subject, headers, message.body(),
                        PublishOptions.builder().messageId(message.id()).expectedStream(stream).build()));
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PUBLISH_TIMEOUT_MILLIS);
            for (int i = 0; i < acks.size(); i++) {
                try {
                    acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    throw new IOException("stream " + stream + " did not store message " + part.get(i).id() + ": "
                            + e.getCause().getMessage(), e.getCause());
                } catch (TimeoutException e) {
                    unanswered();
                    throw new IOException("stream " + stream + " did not confirm message " + part.get(i).id()
                            + " within " + PUBLISH_TIMEOUT_MILLIS + " ms", e);
                }
            }
            unanswered = 0;
        }
    }

    /*
     * Why a connection that says it is connected gets reconnected: after a server restart, jnats
     * was seen reconnected while no publish of it reached the server any more, every one timing
     * out, for as long as the test waited. Two unanswered windows in a row on a connection that
     * claims to be up are taken as that state, and a forced reconnect ends it.
     */
    private void unanswered() throws InterruptedException {
        if (connection.getStatus() != Connection.Status.CONNECTED || ++unanswered < 2) {
            return;
        }
        unanswered = 0;
        LOG.log(Level.INFO, () -> name + ": " + transport.url() + " answers no publish; reconnecting");
        try {
            connection.forceReconnect();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> name + ": forced reconnect failed (" + e + ")");
        }
    }

    @Override
    public long behind() {
        return behind;
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.stop();
        }
        if (thread != null) {
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
        closeConnection();
    }

    private void closeConnection() {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void connectionEvent(Connection from, ConnectionListener.Events event) {
        if (event == ConnectionListener.Events.DISCONNECTED && running) {
            LOG.log(Level.WARNING, () -> name + " lost its connection to " + transport.url() + "; reconnecting");
        } else if (event == ConnectionListener.Events.RECONNECTED) {
            reconnected = true;
            LOG.log(Level.INFO, () -> name + " reconnected to " + transport.url());
        }
    }

    @Override
    public void errorOccurred(Connection from, String error) {
        LOG.log(Level.DEBUG, () -> name + ": NATS error " + error);
    }

    @Override
    public void exceptionOccurred(Connection from, Exception exception) {
        LOG.log(Level.DEBUG, () -> name + ": NATS exception " + exception);
    }
}
