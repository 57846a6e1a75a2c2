package signals.relay.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Instances of one application as child JVMs, relaying over a private NATS server: what the
 * issue asks of a relay between real processes.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class NatsClusterTests {

    private static NatsServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = NatsServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eachInstancesSendsReachTheOthersOnceAndInOrder() throws Exception {
        List<Node> nodes = new ArrayList<>();
        try {
            for (String id : List.of("a", "b", "c")) {
                nodes.add(Node.start(server.url(), "three", id, 30, 0));
            }
            for (Node node : nodes) {
                assertEquals(200, node.send(200));
            }
            for (Node node : nodes) {
                awaitReport(node, report -> report.size() == 2
                        && report.values().stream().allMatch(seen -> seen.deliveries() == 200));
                Map<String, Node.Seen> report = node.report();
                for (Node other : nodes) {
                    if (other != node) {
                        assertEquals(new Node.Seen(200, 200, 0, 200), report.get(other.id), node.id + " from " + other.id);
                    }
                }
                assertTrue(!report.containsKey(node.id), node.id + " heard itself through the broker: " + report);
            }
            for (Node node : nodes) {
                long[] state = node.state();
                assertEquals(200, state[0], "relayed by " + node.id);
                assertEquals(400, state[3], "received by " + node.id);
                assertEquals(0, state[5], "skipped by " + node.id);
                assertEquals(0, node.quit(), node.id + "'s exit status after quit");
            }
        } finally {
            for (Node node : nodes) {
                node.close();
            }
        }
    }

    @Test
    void anInstanceKilledAndRestartedCatchesUpOnWhatItMissed() throws Exception {
        try (Node a = Node.start(server.url(), "restart", "a", 2, 0)) {
            Node b = Node.start(server.url(), "restart", "b", 2, 0);
            try {
                a.send(100);
                awaitReport(b, report -> seen(report, "a").distinct() == 100);
                b.kill();
                assertEquals(400, a.send(300));
                b = Node.start(server.url(), "restart", "b", 2, 0);
                awaitReport(b, report -> seen(report, "a").last() == 400);
                Node.Seen afterRestart = b.report().get("a");
                assertEquals(300, afterRestart.distinct(), "sends made while b was down, each once: " + afterRestart);
                assertEquals(0, afterRestart.outOfOrder(), "out of order: " + afterRestart);
                assertEquals(500, a.send(100));
                awaitReport(b, report -> seen(report, "a").last() == 500);
                assertEquals(new Node.Seen(400, 400, 0, 500), b.report().get("a"), "then live again");
            } finally {
                b.close();
            }
        }
    }

    @Test
    void theRelayRecoversWhenTheServerIsStoppedAndStartedMidStream() throws Exception {
        try (Node a = Node.start(server.url(), "outage", "a", 2, 0);
             Node b = Node.start(server.url(), "outage", "b", 2, 0)) {
            a.send(500);
            a.command("send 3000");
            server.stop();
            Thread.sleep(1_000);
            server.launch();
            assertEquals(3500, Long.parseLong(a.expect("sent ", 60).substring(5)));
            long started = System.nanoTime();
            try {
                awaitReport(b, report -> seen(report, "a").distinct() == 3500);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n--- a said:\n" + a.output() + "\n--- a's state: "
                        + java.util.Arrays.toString(a.state()) + ", the stream's last sequence "
                        + lastSequence("outage") + "\n--- b's consumer: " + consumerOf("outage", "b"), e);
            }
            assertEquals(List.of(), storedOutOfOrder("outage"), "the stream holds a's sends in order");
            Node.Seen seen = b.report().get("a");
            assertEquals(0, seen.outOfOrder(), "out of order after the outage: " + seen);
            assertEquals(3500, seen.last());
            long[] state = a.state();
            assertEquals(3500, state[0], "relayed by a");
            assertEquals(0, state[2], "dropped by a");
            System.out.printf("after the NATS restart, b had everything within %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    /** With a publish window of 256: the default of one takes about 50 s here for as many. */
    @Test
    void aHundredThousandRelayedSendsAreAllAccountedFor() throws Exception {
        try (Node a = Node.start(server.url(), "many", "a", 30, 0);
             Node b = Node.start(server.url(), "many", "b", 30, 0)) {
            long started = System.nanoTime();
            assertEquals(100_000, a.send(100_000));
            awaitReport(b, report -> seen(report, "a").distinct() == 100_000);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            Node.Seen seen = b.report().get("a");
            assertEquals(0, seen.outOfOrder(), "out of order: " + seen);
            assertEquals(100_000, seen.last());
            long[] sender = a.state();
            long[] receiver = b.state();
            assertEquals(100_000, sender[0], "relayed");
            assertEquals(0, sender[1] + sender[2], "waiting and dropped");
            assertEquals(100_000, receiver[3] + receiver[4], "received and duplicates");
            assertEquals(0, receiver[5], "skipped");
            System.out.printf("100,000 relayed sends from a to b in %d ms%n", millis);
        }
    }

    @Test
    void aRolledBackTransactionRelaysNothingAndACommittedOneRelaysAll() throws Exception {
        try (Node a = Node.start(server.url(), "tx", "a", 30, 0);
             Node b = Node.start(server.url(), "tx", "b", 30, 0)) {
            assertEquals(50, a.transaction("rollback", 50));
            assertEquals(70, a.transaction("commit", 20));
            awaitReport(b, report -> seen(report, "a").last() == 70);
            assertEquals(new Node.Seen(20, 20, 0, 70), b.report().get("a"), "only the committed sends, 51 to 70");
            assertEquals(20, a.state()[0], "relayed by a");
        }
    }

    private static String consumerOf(String application, String instance) throws Exception {
        io.nats.client.Connection hand = io.nats.client.Nats.connect(server.url());
        try {
            io.nats.client.api.ConsumerInfo info = hand.jetStreamManagement()
                    .getConsumerInfo("signals-" + application, instance);
            return "pending " + info.getNumPending() + ", ack pending " + info.getNumAckPending() + ", waiting pulls "
                    + info.getNumWaiting() + ", redelivered " + info.getRedelivered() + ", delivered "
                    + info.getDelivered() + ", ack floor " + info.getAckFloor();
        } finally {
            hand.close();
        }
    }

    private static long lastSequence(String application) throws Exception {
        io.nats.client.Connection hand = io.nats.client.Nats.connect(server.url());
        try {
            return hand.jetStreamManagement().getStreamInfo("signals-" + application).getStreamState().getLastSequence();
        } finally {
            hand.close();
        }
    }

    /** The sends the stream holds after a later one, by their number. */
    private static List<Long> storedOutOfOrder(String application) throws Exception {
        List<Long> late = new ArrayList<>();
        io.nats.client.Connection hand = io.nats.client.Nats.connect(server.url());
        try {
            io.nats.client.JetStreamManagement management = hand.jetStreamManagement();
            long count = management.getStreamInfo("signals-" + application).getStreamState().getLastSequence();
            long last = 0;
            for (long sequence = 1; sequence <= count; sequence++) {
                byte[] body = management.getMessage("signals-" + application, sequence).getData();
                long n = signals.relay.RelayCodec.kwargs().decode(body).get("n", Long.class);
                if (n <= last) {
                    late.add(n);
                }
                last = Math.max(last, n);
            }
        } finally {
            hand.close();
        }
        return late;
    }

    private static Node.Seen seen(Map<String, Node.Seen> report, String from) {
        return report.getOrDefault(from, new Node.Seen(0, 0, 0, 0));
    }

    interface ReportCheck {
        boolean test(Map<String, Node.Seen> report);
    }

    static void awaitReport(Node node, ReportCheck check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, Node.Seen> report = node.report();
        while (!check.test(report)) {
            assertTrue(System.nanoTime() < deadline, () -> "node " + node.id + " still reports " + node.output());
            Thread.sleep(100);
            report = node.report();
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(50);
        }
    }
}
