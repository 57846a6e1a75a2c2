package signals.relay.nats;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import signals.core.Kwargs;
import signals.core.Signal;
import signals.relay.Relay;
import signals.relay.RelayCodec;
import signals.relay.RelayState;
import signals.relay.Remote;

/**
 * One instance of an application, run as a child JVM by the tests: relays {@code ping} over
 * NATS and obeys commands on standard input, one per line, answering on standard output.
 * <ul>
 *   <li>{@code send <count>}: sends that many pings, numbered on from the last, then {@code sent <total>}</li>
 *   <li>{@code commit <count>} and {@code rollback <count>}: the same inside one transaction by hand</li>
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
     * @param args the server URL, the application, the instance id, the ack wait in seconds, the last ping number sent
     *     before
     * @throws Exception whatever fails
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Map<String, Seen> seen = new TreeMap<>();
        PING.connect(Remote.only((signal, remote, ping) -> {
            long n = ping.get("n", Long.class);
            synchronized (seen) {
                Seen from = seen.computeIfAbsent(remote.instanceId(), id -> new Seen());
                from.deliveries++;
                if (from.ids.add(remote.id())) {
                    if (n <= from.last) {
                        from.outOfOrder++;
                    }
                    from.last = Math.max(from.last, n);
                }
            }
        }));
        Relay relay = Relay.builder(args[1]).instanceId(args[2])
                .relay(PING, RelayCodec.kwargs())
                .transport(NatsRelay.server(args[0]).withAckWait(Duration.ofSeconds(Integer.parseInt(args[3]))))
                .start();
        out.println("started");
        long sent = args.length > 4 ? Long.parseLong(args[4]) : 0;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] command = line.trim().split(" ");
            switch (command[0]) {
                case "send":
                    for (long i = Long.parseLong(command[1]); i > 0; i--) {
                        PING.send("node " + args[2], Kwargs.of("n", ++sent));
                    }
                    out.println("sent " + sent);
                    break;
                case "commit":
                case "rollback":
                    HandTransactions.Tx tx = HandTransactions.begin();
                    for (long i = Long.parseLong(command[1]); i > 0; i--) {
                        PING.send("node " + args[2], Kwargs.of("n", ++sent));
                    }
                    if (command[0].equals("commit")) {
                        tx.commit();
                    } else {
                        tx.rollback();
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
                            + state.received() + " " + state.duplicates() + " " + state.skipped());
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
}
