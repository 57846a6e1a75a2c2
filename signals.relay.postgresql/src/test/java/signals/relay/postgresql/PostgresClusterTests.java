package signals.relay.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Instances of one application as child JVMs on the class path, relaying over the PostgreSQL
 * server in a schema of this class's own: what the issue asks of a relay between real processes.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PostgresClusterTests {

    @RegisterExtension
    static final Pg pg = Pg.schemaWithBusinessTable();

    private static Node start(String app, String id) throws Exception {
        return PostgresNode.start(pg.prefix, app, id);
    }

    @Test
    void eachInstancesSendsReachTheOthersOnceAndInOrder() throws Exception {
        List<Node> nodes = new ArrayList<>();
        try {
            for (String id : List.of("a", "b", "c")) {
                nodes.add(start("three", id));
            }
            Node.eachSendsAndHearsTheOthers(nodes, 200);
            for (Node node : nodes) {
                RelayState state = node.state();
                assertEquals(200, state.relayed(), "relayed by " + node.id());
                assertEquals(400, state.received(), "received by " + node.id());
                assertEquals(0, state.skipped(), "skipped by " + node.id());
                assertEquals(0, state.behind(), "behind, for " + node.id());
                assertEquals(0, node.quit(), node.id() + "'s exit status after quit");
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
                b.awaitReport(report -> Seen.from(report, "a").distinct() == 100);
                b.kill();
                assertEquals(400, a.transaction("commit", 300, 50));
                b = start("restart", "b");
                b.awaitReport(report -> Seen.from(report, "a").last() == 400);
                Seen afterRestart = b.report().get("a");
                assertEquals(new Seen(300, 300, 0, 400), afterRestart, "sends made while b was down, each once");
                assertEquals(500, a.send(100));
                b.awaitReport(report -> Seen.from(report, "a").last() == 500);
                assertEquals(new Seen(400, 400, 0, 500), b.report().get("a"), "then live again");
            } finally {
                b.close();
            }
        }
    }

    @Test
    void theRelaysConnectionsEndedByTheServerMidStreamAreReplacedAndNothingIsLost() throws Exception {
        try (Node a = start("terminate", "a"); Node b = start("terminate", "b")) {
            a.send(500);
            b.awaitReport(report -> Seen.from(report, "a").distinct() == 500);
            a.command("send 3000");
            long ended = 0;
            for (int i = 0; i < 3; i++) {
                Thread.sleep(150);
                ended += Pg.terminate("relay-a") + Pg.terminate("relay-b");
            }
            assertTrue(ended >= 2, "server processes ended: " + ended);
            assertEquals(3500, a.sent(60));
            b.awaitReport(report -> Seen.from(report, "a").distinct() == 3500);
            Seen seen = b.report().get("a");
            assertEquals(0, seen.outOfOrder(), "out of order after the connections ended: " + seen);
            assertEquals(3500, seen.last());
            RelayState state = a.state();
            assertEquals(3500, state.relayed(), "relayed by a");
            assertEquals(0, state.dropped(), "dropped by a");
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
            b.awaitReport(report -> Seen.from(report, "a").distinct() == 100_000);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            Seen seen = b.report().get("a");
            assertEquals(new Seen(100_000, 100_000, 0, 100_000), seen);
            RelayState sender = a.state();
            RelayState receiver = b.state();
            assertEquals(100_000, sender.relayed(), "relayed");
            assertEquals(0, sender.waiting() + sender.dropped(), "waiting and dropped");
            assertEquals(100_000, receiver.received(), "received");
            assertEquals(0, receiver.duplicates() + receiver.skipped(), "duplicates and skipped");
            System.out.printf("100,000 relayed sends from a to b in %d ms%n", millis);
        }
    }

    @Test
    void aRolledBackTransactionRelaysNothingAndACommittedOneRelaysAll() throws Exception {
        try (Node a = start("tx", "a"); Node b = start("tx", "b")) {
            assertEquals(50, a.transaction("rollback", 50, 50));
            assertEquals(70, a.transaction("commit", 20, 20));
            b.awaitReport(report -> Seen.from(report, "a").last() == 70);
            assertEquals(new Seen(20, 20, 0, 70), b.report().get("a"), "only the committed sends, 51 to 70");
            assertEquals(20, a.state().relayed(), "relayed by a");
            assertEquals(20, Pg.queryLong("select count(*) from " + pg.prefix + "outbox where application = 'tx'"),
                    "outbox rows");
            assertEquals(1, Pg.queryLong("select count(*) from " + pg.prefix + "business where n = 51"),
                    "the committed business row");
            assertEquals(0, Pg.queryLong("select count(*) from " + pg.prefix + "business where n = 1"),
                    "the rolled-back business row");
        }
    }
}
