package signals.relay.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Instances of one application as child JVMs on the class path, relaying over the PostgreSQL
 * server in a schema of this class's own: what the issue asks of a relay between real processes.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PostgresClusterTests {

    private static Pg pg;

    @BeforeAll
    static void createSchema() {
        pg = new Pg();
        Pg.execute("create table " + pg.prefix + "business (id bigint generated always as identity primary key, n bigint)");
    }

    @AfterAll
    static void dropSchema() {
        if (pg != null) {
            pg.close();
        }
    }

    private static Node start(String app, String id) throws Exception {
        return Node.start(pg.prefix, app, id, 0);
    }

    @Test
    void eachInstancesSendsReachTheOthersOnceAndInOrder() throws Exception {
        List<Node> nodes = new ArrayList<>();
        try {
            for (String id : List.of("a", "b", "c")) {
                nodes.add(start("three", id));
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
                assertFalse(report.containsKey(node.id), node.id + " heard itself through the outbox: " + report);
            }
            for (Node node : nodes) {
                long[] state = node.state();
                assertEquals(200, state[0], "relayed by " + node.id);
                assertEquals(400, state[3], "received by " + node.id);
                assertEquals(0, state[5], "skipped by " + node.id);
                assertEquals(0, state[6], "behind, for " + node.id);
                assertEquals(0, node.quit(), node.id + "'s exit status after quit");
            }
            assertEquals(0, Pg.connections("relay-a") + Pg.connections("relay-b") + Pg.connections("relay-c"),
                    "connections left by the instances that quit");
        } finally {
            for (Node node : nodes) {
                node.close();
            }
        }
    }

    /** A killed instance stored its position after its last whole batch: nothing it had read comes again here, since it had read everything. */
    @Test
    void anInstanceKilledAndRestartedCatchesUpOnWhatItMissed() throws Exception {
        try (Node a = start("restart", "a")) {
            Node b = start("restart", "b");
            try {
                a.send(100);
                awaitReport(b, report -> seen(report, "a").distinct() == 100);
                b.kill();
                assertEquals(400, a.transaction("commit", 300, 50));
                b = start("restart", "b");
                awaitReport(b, report -> seen(report, "a").last() == 400);
                Node.Seen afterRestart = b.report().get("a");
                assertEquals(new Node.Seen(300, 300, 0, 400), afterRestart, "sends made while b was down, each once");
                assertEquals(500, a.send(100));
                awaitReport(b, report -> seen(report, "a").last() == 500);
                assertEquals(new Node.Seen(400, 400, 0, 500), b.report().get("a"), "then live again");
            } finally {
                b.close();
            }
        }
    }

    @Test
    void theRelaysConnectionsEndedByTheServerMidStreamAreReplacedAndNothingIsLost() throws Exception {
        try (Node a = start("terminate", "a"); Node b = start("terminate", "b")) {
            a.send(500);
            awaitReport(b, report -> seen(report, "a").distinct() == 500);
            a.command("send 3000");
            long ended = 0;
            for (int i = 0; i < 3; i++) {
                Thread.sleep(150);
                ended += Pg.terminate("relay-a") + Pg.terminate("relay-b");
            }
            assertTrue(ended >= 2, "server processes ended: " + ended);
            assertEquals(3500, Long.parseLong(a.expect("sent ", 60).substring(5)));
            awaitReport(b, report -> seen(report, "a").distinct() == 3500);
            Node.Seen seen = b.report().get("a");
            assertEquals(0, seen.outOfOrder(), "out of order after the connections ended: " + seen);
            assertEquals(3500, seen.last());
            long[] state = a.state();
            assertEquals(3500, state[0], "relayed by a");
            assertEquals(0, state[2], "dropped by a");
            assertEquals(3500, Pg.queryLong("select count(*) from " + pg.prefix + "outbox where application = 'terminate'"
                    + " and instance = 'a'"), "rows of a in the outbox: each once");
        }
    }

    /** In transactions of 500 sends, each send one INSERT in its transaction. */
    @Test
    void aHundredThousandRelayedSendsAreAllAccountedFor() throws Exception {
        try (Node a = start("many", "a"); Node b = start("many", "b")) {
            long started = System.nanoTime();
            assertEquals(100_000, a.transaction("commit", 100_000, 500));
            awaitReport(b, report -> seen(report, "a").distinct() == 100_000);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            Node.Seen seen = b.report().get("a");
            assertEquals(new Node.Seen(100_000, 100_000, 0, 100_000), seen);
            long[] sender = a.state();
            long[] receiver = b.state();
            assertEquals(100_000, sender[0], "relayed");
            assertEquals(0, sender[1] + sender[2], "waiting and dropped");
            assertEquals(100_000, receiver[3], "received");
            assertEquals(0, receiver[4] + receiver[5], "duplicates and skipped");
            System.out.printf("100,000 relayed sends from a to b in %d ms%n", millis);
        }
    }

    @Test
    void aRolledBackTransactionRelaysNothingAndACommittedOneRelaysAll() throws Exception {
        try (Node a = start("tx", "a"); Node b = start("tx", "b")) {
            assertEquals(50, a.transaction("rollback", 50, 50));
            assertEquals(70, a.transaction("commit", 20, 20));
            awaitReport(b, report -> seen(report, "a").last() == 70);
            assertEquals(new Node.Seen(20, 20, 0, 70), b.report().get("a"), "only the committed sends, 51 to 70");
            assertEquals(20, a.state()[0], "relayed by a");
            assertEquals(20, Pg.queryLong("select count(*) from " + pg.prefix + "outbox where application = 'tx'"),
                    "outbox rows");
            assertEquals(1, Pg.queryLong("select count(*) from " + pg.prefix + "business where n = 51"),
                    "the committed business row");
            assertEquals(0, Pg.queryLong("select count(*) from " + pg.prefix + "business where n = 1"),
                    "the rolled-back business row");
        }
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
}
