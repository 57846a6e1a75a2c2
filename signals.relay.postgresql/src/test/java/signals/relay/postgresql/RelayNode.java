package signals.relay.postgresql;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.postgresql.ds.PGSimpleDataSource;
import signals.core.Kwargs;
import signals.core.Signal;
import signals.relay.Relay;
import signals.relay.RelayCodec;
import signals.relay.RelayState;
import signals.relay.Remote;

/**
 * One instance of an application, run as a child JVM by the tests: relays {@code ping} over
 * PostgreSQL and obeys commands on standard input, one per line, answering on standard output.
 * The relay's connections are named {@code relay-<id>} (so that a test can end them), the
 * application's transactions' {@code app-<id>}.
 * <ul>
 *   <li>{@code send <count>}: sends that many pings outside a transaction, numbered on from the last, then {@code sent <total>}</li>
 *   <li>{@code commit <count> <per transaction>} and {@code rollback <count> <per transaction>}: the same in JDBC
 *       transactions by hand, each also inserting a row of its own into {@code <prefix>business}</li>
 *   <li>{@code report}: per sending instance, {@code from <id> <deliveries> <distinct ids> <out of order> <last n>}, then {@code end}</li>
 *   <li>{@code state}: the relay's {@link RelayState}</li>
 *   <li>{@code quit}: closes the relay and exits</li>
 * </ul>
 */
public final class RelayNode {

    static final Signal<Kwargs> PING = Signal.withArguments("ping", "n");

    private static final class Seen {
        long deliveries;
        final Set<String> ids = new HashSet<>();
        long outOfOrder;
        long last;
    }

    private RelayNode() {
    }

    /**
     * Runs one instance.
     *
     * @param args the JDBC URL, the table prefix, the application, the instance id, the poll interval in milliseconds,
     *     the last ping number sent before
     * @throws Exception whatever fails
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String id = args[3];
        Map<String, Seen> seen = new TreeMap<>();
        PING.connect(Remote.only((signal, remote, ping) -> {
            long n = ping.get("n", Long.class);
            synchronized (seen) {
                Seen from = seen.computeIfAbsent(remote.instanceId(), key -> new Seen());
                from.deliveries++;
                if (from.ids.add(remote.id())) {
                    if (n <= from.last) {
                        from.outOfOrder++;
                    }
                    from.last = Math.max(from.last, n);
                }
            }
        }));
        PGSimpleDataSource relaySource = source(args[0], "relay-" + id);
        PGSimpleDataSource appSource = source(args[0], "app-" + id);
        Relay relay = Relay.builder(args[2]).instanceId(id)
                .relay(PING, RelayCodec.kwargs())
                .transport(PostgresRelay.dataSource(relaySource).withTablePrefix(args[1])
                        .withPollInterval(Duration.ofMillis(Long.parseLong(args[4]))))
                .start();
        out.println("started");
        long sent = Long.parseLong(args[5]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] command = line.trim().split(" ");
            switch (command[0]) {
                case "send":
                    for (long i = Long.parseLong(command[1]); i > 0; i--) {
                        PING.send("node " + id, Kwargs.of("n", ++sent));
                    }
                    out.println("sent " + sent);
                    break;
                case "commit":
                case "rollback":
                    long count = Long.parseLong(command[1]);
                    long perTransaction = Long.parseLong(command[2]);
                    try (Connection connection = appSource.getConnection()) {
                        while (count > 0) {
                            HandTransactions.Tx tx = HandTransactions.begin(connection);
                            try (var insert = connection.prepareStatement("insert into " + args[1]
                                    + "business (n) values (?)")) {
                                insert.setLong(1, sent + 1);
                                insert.executeUpdate();
                            }
                            for (long i = Math.min(count, perTransaction); i > 0; i--, count--) {
                                PING.send("node " + id, Kwargs.of("n", ++sent));
                            }
                            if (command[0].equals("commit")) {
                                tx.commit();
                            } else {
                                tx.rollback();
                            }
                        }
                    }
                    out.println("sent " + sent);
                    break;
                case "report":
                    synchronized (seen) {
                        seen.forEach((from, s) -> out.println("from " + from + " " + s.deliveries + " " + s.ids.size()
                                + " " + s.outOfOrder + " " + s.last));
                    }
                    out.println("end");
                    break;
                case "state":
                    RelayState state = relay.state();
                    out.println("state " + state.relayed() + " " + state.waiting() + " " + state.dropped() + " "
                            + state.received() + " " + state.duplicates() + " " + state.skipped() + " " + state.behind());
                    break;
                case "quit":
                    relay.close();
                    out.println("closed");
                    return;
                default:
                    out.println("unknown " + line);
            }
        }
        relay.close();
    }

    private static PGSimpleDataSource source(String url, String name) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        source.setApplicationName(name);
        return source;
    }
}
