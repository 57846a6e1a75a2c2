package signals.relay.testkit;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import signals.relay.spi.Transport;

/**
 * One instance of an application, run as a child JVM by {@link Node}: relays {@link #PING} over
 * the transport its main class builds, and obeys commands on standard input, one per line,
 * answering on standard output.
 * <ul>
 *   <li>{@code send <count>}: sends that many pings outside a transaction, numbered on from the last, then {@code sent <total>}</li>
 *   <li>{@code commit <count> [<per transaction>]} and {@code rollback <count> [<per transaction>]}: the same in
 *       transactions by hand of that many sends each (all in one without it), then {@code sent <total>}</li>
 *   <li>{@code report}: per sending instance, {@code from <id> <deliveries> <distinct ids> <out of order> <last n>}, then {@code end}</li>
 *   <li>{@code state}: the relay's {@link RelayState}: {@code state <relayed> <waiting> <dropped> <received> <duplicates>
 *       <skipped> <behind>}</li>
 *   <li>{@code quit}: closes the relay, says {@code closed} and returns</li>
 * </ul>
 * A transport's main class reads its own arguments, builds its transport, and calls {@link #run}.
 */
public final class RelayNode {

    /** The signal the instances relay, its argument {@code n} numbering each instance's sends from 1. */
    public static final Signal<Kwargs> PING = Signal.withArguments("ping", "n");

    /** How an instance begins each of its transactions by hand. */
    @FunctionalInterface
    public interface Transactions {
        /**
         * Begins a transaction on this thread, in which the pings from {@code next} on are sent.
         *
         * @param next the number of the transaction's first ping
         * @return the transaction, which the instance commits or rolls back after its sends
         * @throws Exception whatever fails, which ends the instance
         */
        HandTransactions.Tx begin(long next) throws Exception;
    }

    private static final class Seen {
        long deliveries;
        final Set<String> ids = new HashSet<>();
        long outOfOrder;
        long last;
    }

    private RelayNode() {
    }

    /**
     * Runs one instance until {@code quit} or the end of standard input, then closes its relay.
     *
     * @param application the application the instance belongs to
     * @param id the instance id
     * @param transport the transport to relay over
     * @param transactions how the instance begins a transaction for {@code commit} and {@code rollback}
     * @throws Exception whatever fails, which ends the instance
     */
    public static void run(String application, String id, Transport transport, Transactions transactions)
            throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
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
        Relay relay = Relay.builder(application).instanceId(id).relay(PING, RelayCodec.kwargs()).transport(transport)
                .start();
        out.println("started");
        String sender = "node " + id;
        long sent = 0;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] command = line.trim().split(" ");
            switch (command[0]) {
                case "send":
                    for (long i = Long.parseLong(command[1]); i > 0; i--) {
                        PING.send(sender, Kwargs.of("n", ++sent));
                    }
                    out.println("sent " + sent);
                    break;
                case "commit":
                case "rollback":
                    long count = Long.parseLong(command[1]);
                    long perTransaction = command.length > 2 ? Long.parseLong(command[2]) : count;
                    while (count > 0) {
                        HandTransactions.Tx tx = transactions.begin(sent + 1);
                        for (long i = Math.min(count, perTransaction); i > 0; i--, count--) {
                            PING.send(sender, Kwargs.of("n", ++sent));
                        }
                        if (command[0].equals("commit")) {
                            tx.commit();
                        } else {
                            tx.rollback();
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
                            + state.received() + " " + state.duplicates() + " " + state.skipped() + " "
                            + state.behind());
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
