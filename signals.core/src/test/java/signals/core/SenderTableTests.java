package signals.core;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-sender table stays quick to search for the senders applications really have: names
 * and numbers that count up, whose hash codes differ only in their low bits.
 */
class SenderTableTests {

    private static final int SENDERS = 10_000;

    @Test
    void countingNamesDoNotClusterInTheTable() {
        List<Object> names = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            names.add("entity-" + i);
        }
        assertShortProbes(names, 16);
    }

    @Test
    void countingAndStridedNumbersDoNotClusterInTheTable() {
        List<Object> ids = new ArrayList<>();
        for (long i = 0; i < SENDERS; i++) {
            ids.add(i * 64);
        }
        assertShortProbes(ids, 16);
    }

    private static void assertShortProbes(List<Object> senders, int most) {
        SenderTable table = SenderTable.create();
        Index.Route route = Index.Route.EMPTY;
        for (Object sender : senders) {
            table.put(Senders.hold(sender), route);
        }
        long total = 0;
        int longest = 0;
        for (Object sender : senders) {
            assertSame(route, table.get(sender), () -> sender + " lost");
            int probes = table.probes(sender);
            total += probes;
            longest = Math.max(longest, probes);
        }
        assertNull(table.get("nobody"));
        double average = (double) total / senders.size();
        int worst = longest;
        assertTrue(worst <= most, () -> "a sender took " + worst + " probes");
        assertTrue(average < 1.5, () -> "senders took " + average + " probes on average");
    }
}
