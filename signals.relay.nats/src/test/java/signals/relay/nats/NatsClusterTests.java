package signals.relay.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.relay.RelayState;
import signals.relay.testkit.Node;
import signals.relay.testkit.Node.Seen;

/**
 * Instances of one application as child JVMs, relaying over a private NATS server: what the
 * issue asks of a relay between real processes.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class NatsClusterTests {

    @RegisterExtension
    static final NatsServer server = new NatsServer();

    @Test
    void eachInstancesSendsReachTheOthersOnceAndInOrder() throws Exception {
        List<Node> nodes = new ArrayList<>();
        try {
            for (String id : List.of("a", "b", "c")) {
                nodes.add(NatsNode.start(server.url(), "three", id, 30));
            }
            Node.eachSendsAndHearsTheOthers(nodes, 200);
            for (Node node : nodes) {
                RelayState state = node.state();
                assertEquals(200, state.relayed(), "relayed by " + node.id());
                assertEquals(400, state.received(), "received by " + node.id());
                assertEquals(0, state.skipped(), "skipped by " + node.id());
                assertEquals(0, node.quit(), node.id() + "'s exit status after quit");
            }
        } finally {
            for (Node node : nodes) {
                node.close();
            }
        }
    }

    @Test
    void anInstanceKilledAndRestartedCatchesUpOnWhatItMissed() throws Exception {
        try (Node a = NatsNode.start(server.url(), "restart", "a", 2)) {
            Node b = NatsNode.start(server.url(), "restart", "b", 2);
            try {
                a.send(100);
                b.awaitReport(report -> Seen.from(report, "a").distinct() == 100);
                b.kill();
                assertEquals(400, a.send(300));
                b = NatsNode.start(server.url(), "restart", "b", 2);
                b.awaitReport(report -> Seen.from(report, "a").last() == 400);
                Seen afterRestart = b.report().get("a");
                assertEquals(300, afterRestart.distinct(), "sends made while b was down, each once: " + afterRestart);
                assertEquals(0, afterRestart.outOfOrder(), "out of order: " + afterRestart);
                assertEquals(500, a.send(100));
                b.awaitReport(report -> Seen.from(report, "a").last() == 500);
                assertEquals(new Seen(400, 400, 0, 500), b.report().get("a"), "then live again");
            } finally {
                b.close();
            }
        }
    }

    @Test
    void theRelayRecoversWhenTheServerIsStoppedAndStartedMidStream() throws Exception {
        try (Node a = NatsNode.start(server.url(), "outage", "a", 2);
             Node b = NatsNode.start(server.url(), "outage", "b", 2)) {
            a.send(500);
            a.command("send 3000");
            server.stop();
            Thread.sleep(1_000);
            server.launch();
            assertEquals(3500, a.sent(60));
            long started = System.nanoTime();
            try {
                b.awaitReport(report -> Seen.from(report, "a").distinct() == 3500);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n--- a said:\n" + a.output() + "\n--- a's state: "
                        + a.state() + ", the stream's last sequence "
                        + lastSequence("outage") + "\n--- b's consumer: " + consumerOf("outage", "b"), e);
            }
            assertEquals(List.of(), server.storedOutOfOrder("outage"), "the stream holds a's sends in order");
            Seen seen = b.report().get("a");
            assertEquals(0, seen.outOfOrder(), "out of order after the outage: " + seen);
            assertEquals(3500, seen.last());
            RelayState state = a.state();
            assertEquals(3500, state.relayed(), "relayed by a");
            assertEquals(0, state.dropped(), "dropped by a");
            System.out.printf("after the NATS restart, b had everything within %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    /** With a publish window of 256: the default of one takes about 50 s here for as many. */
    @Test
    void aHundredThousandRelayedSendsAreAllAccountedFor() throws Exception {
        try (Node a = NatsNode.start(server.url(), "many", "a", 30);
             Node b = NatsNode.start(server.url(), "many", "b", 30)) {
            long started = System.nanoTime();
            assertEquals(100_000, a.send(100_000));
            b.awaitReport(report -> Seen.from(report, "a").distinct() == 100_000);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            Seen seen = b.report().get("a");
            assertEquals(0, seen.outOfOrder(), "out of order: " + seen);
            assertEquals(100_000, seen.last());
            RelayState sender = a.state();
            RelayState receiver = b.state();
            assertEquals(100_000, sender.relayed(), "relayed");
            assertEquals(0, sender.waiting() + sender.dropped(), "waiting and dropped");
            assertEquals(100_000, receiver.received() + receiver.duplicates(), "received and duplicates");
            assertEquals(0, receiver.skipped(), "skipped");
            System.out.printf("100,000 relayed sends from a to b in %d ms%n", millis);
        }
    }

    @Test
    void aRolledBackTransactionRelaysNothingAndACommittedOneRelaysAll() throws Exception {
        try (Node a = NatsNode.start(server.url(), "tx", "a", 30);
             Node b = NatsNode.start(server.url(), "tx", "b", 30)) {
            assertEquals(50, a.transaction("rollback", 50));
            assertEquals(70, a.transaction("commit", 20));
            b.awaitReport(report -> Seen.from(report, "a").last() == 70);
            assertEquals(new Seen(20, 20, 0, 70), b.report().get("a"), "only the committed sends, 51 to 70");
            assertEquals(20, a.state().relayed(), "relayed by a");
        }
    }

    private static String consumerOf(String application, String instance) throws Exception {
        io.nats.client.api.ConsumerInfo info = server.hand().jetStreamManagement()
                .getConsumerInfo("signals-" + application, instance);
        return "pending " + info.getNumPending() + ", ack pending " + info.getNumAckPending() + ", waiting pulls "
                + info.getNumWaiting() + ", redelivered " + info.getRedelivered() + ", delivered "
                + info.getDelivered() + ", ack floor " + info.getAckFloor();
    }

    private static long lastSequence(String application) throws Exception {
        return server.hand().jetStreamManagement().getStreamInfo("signals-" + application).getStreamState()
                .getLastSequence();
    }
}
