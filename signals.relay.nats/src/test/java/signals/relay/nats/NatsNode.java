package signals.relay.nats;

import java.time.Duration;
import signals.relay.testkit.HandTransactions;
import signals.relay.testkit.Node;
import signals.relay.testkit.RelayNode;

/**
 * The main class of an instance in a child JVM of {@link NatsClusterTests}: a {@link RelayNode}
 * over NATS, whose transactions by hand have no resource (the stream is written after the commit).
 */
public final class NatsNode {

    private NatsNode() {
    }

    /**
     * Starts an instance.
     *
     * @param url the server URL
     * @param application the application
     * @param id the instance id
     * @param ackWaitSeconds the ack wait of its consumer, in seconds
     * @return the started instance
     * @throws Exception whatever fails
     */
    static Node start(String url, String application, String id, int ackWaitSeconds) throws Exception {
        return Node.start(NatsNode.class, id, url, application, id, Integer.toString(ackWaitSeconds));
    }

    /**
     * Runs one instance.
     *
     * @param args the server URL, the application, the instance id, the ack wait in seconds
     * @throws Exception whatever fails
     */
    public static void main(String[] args) throws Exception {
        NatsRelay transport = NatsRelay.server(args[0]).withAckWait(Duration.ofSeconds(Integer.parseInt(args[3])));
        RelayNode.run(args[1], args[2], transport, next -> HandTransactions.begin());
    }
}
