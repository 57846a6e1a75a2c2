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

    /** How long a batch of publishes waits for the server's confirmations. */
    static final long PUBLISH_TIMEOUT_MILLIS = 5_000;

    private final NatsRelay transport;
    private final TransportContext context;
    private final String stream;
    private final String subject;
    private final String name;
    private Connection connection;
    private JetStream jetStream;
    private IterableConsumer consumer;
    private Thread thread;
    private volatile boolean running = true;
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
        consumer = connection.getStreamContext(stream).getConsumerContext(context.instanceId())
                .iterate(ConsumeOptions.builder().batchSize(256).expiresIn(PULL_EXPIRES_MILLIS).build());
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
            management.addOrUpdateConsumer(stream, ConsumerConfiguration.builder()
                    .durable(context.instanceId())
                    .deliverPolicy(DeliverPolicy.New)
                    .ackPolicy(AckPolicy.Explicit)
                    .ackWait(transport.ackWait())
                    .filterSubject(subject)
                    .inactiveThreshold(inactive)
                    .build());
            return;
        }
        ConsumerConfiguration config = info.getConsumerConfiguration();
        if (!transport.ackWait().equals(config.getAckWait()) || !inactive.equals(config.getInactiveThreshold())) {
            management.addOrUpdateConsumer(stream, ConsumerConfiguration.builder(config)
                    .ackWait(transport.ackWait()).inactiveThreshold(inactive).build());
        }
    }

    private void consume() {
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
            if (message == null || !message.isJetStream()) {
                continue;
            }
            context.deliver(toWire(message));
            message.ack();
            behind = message.metaData().pendingCount();
        }
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
     * Publishes the batch without waiting, then waits for each confirmation in order: one
     * connection delivers the publishes in order, so the stream stores them in order.
     */
    @Override
    public void publish(List<WireMessage> batch) throws IOException, InterruptedException {
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>(batch.size());
        for (WireMessage message : batch) {
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
                throw new IOException("stream " + stream + " did not store message " + batch.get(i).id() + ": "
                        + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new IOException("stream " + stream + " did not confirm message " + batch.get(i).id()
                        + " within " + PUBLISH_TIMEOUT_MILLIS + " ms", e);
            }
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
