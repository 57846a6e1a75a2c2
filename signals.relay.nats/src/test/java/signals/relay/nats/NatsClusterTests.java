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
