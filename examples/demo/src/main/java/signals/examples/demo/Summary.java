package signals.examples.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import signals.core.Inventory;
import signals.core.Signals;
import signals.examples.demo.SendLog.Key;

/**
 * Which signals fired and how often, against what had to: every built-in signal of every adapter
 * found, each kind of send the scenario promises ({@link #REQUIRED_KINDS}), and {@code pizza_done}.
 *
 * @param counts sends per signal and per kind, in the order they first fired
 * @param firedBy the module that fired each signal, or {@code "custom"}
 * @param required what had to fire at least once
 */
record Summary(Map<Key, Integer> counts, Map<String, String> firedBy, List<Key> required) {

    /** The kinds of send the scenario makes, for the signals that tell kinds apart. */
    static final Map<String, List<String>> REQUIRED_KINDS = Map.of(
            "m2m_changed", List.of("pre_add", "post_add", "pre_remove", "post_remove", "pre_clear", "post_clear"),
            "post_save", List.of("created", "updated"));

    /** The custom signal the scenario sends, besides the built-in ones. */
    static final String CUSTOM = "pizza_done";

    Summary {
        counts = Map.copyOf(counts);
        firedBy = Map.copyOf(firedBy);
        required = List.copyOf(required);
    }

    /**
     * Takes the counts of a finished scenario.
     *
     * @param log the scenario's send log
     * @return the summary
     */
    static Summary of(SendLog log) {
        List<Key> required = new ArrayList<>();
        for (String signal : builtInSignals()) {
            required.add(new Key(signal, null));
            REQUIRED_KINDS.getOrDefault(signal, List.of()).forEach(kind -> required.add(new Key(signal, kind)));
        }
        required.add(new Key(CUSTOM, null));
        return new Summary(log.counts(), log.firedBy(), required);
    }

    /** The names of the built-in signals of every adapter module found on this path. */
    static Set<String> builtInSignals() {
        return Signals.inventory().adapters().stream()
                .map(Inventory.Adapter::signals)
                .flatMap(List::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * How often a signal, or a kind of send of it, fired.
     *
     * @param key the signal and kind
     * @return the count, 0 if it never fired
     */
    int count(Key key) {
        return counts.getOrDefault(key, 0);
    }

    /** What had to fire and did not, in the order required. */
    List<Key> notFired() {
        return required.stream().filter(key -> count(key) == 0).collect(Collectors.toList());
    }

    /** Prints the table, then the verdict. */
    void print(PrintStream out) {
        Set<Key> rows = new LinkedHashSet<>(required);
        rows.addAll(counts.keySet());
        out.printf("%-34s %-16s %5s%n", "signal", "fired by", "sends");
        for (Key key : rows) {
            out.printf("%-34s %-16s %5d%s%n", key.kind() == null ? key.signal() : "  " + key.kind(),
                    key.kind() == null ? firedBy.getOrDefault(key.signal(), "") : "", count(key),
                    count(key) == 0 && required.contains(key) ? "   <- DID NOT FIRE" : "");
        }
        List<Key> missing = notFired();
        if (missing.isEmpty()) {
            out.printf("every required signal fired: %d signals and kinds%n", required.size());
        } else {
            out.println("DID NOT FIRE: " + missing.stream().map(Key::toString).collect(Collectors.joining(", ")));
        }
    }
}
