package signals.examples.shop;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters the receivers keep (rows loaded, views rendered, ...), as a metrics library would. */
public final class Metrics {

    private static final Map<String, LongAdder> COUNTERS = new ConcurrentHashMap<>();

    private Metrics() {
    }

    /**
     * Adds one to a counter.
     *
     * @param counter the counter's name, such as {@code "loaded Order"}
     */
    public static void increment(String counter) {
        COUNTERS.computeIfAbsent(counter, name -> new LongAdder()).increment();
    }

    /**
     * Reads a counter.
     *
     * @param counter the counter's name
     * @return its value, 0 if it was never incremented
     */
    public static long get(String counter) {
        LongAdder adder = COUNTERS.get(counter);
        return adder == null ? 0 : adder.sum();
    }

    /**
     * Reads every counter.
     *
     * @return the counters by name, sorted
     */
    public static Map<String, Long> snapshot() {
        Map<String, Long> values = new TreeMap<>();
        COUNTERS.forEach((name, adder) -> values.put(name, adder.sum()));
        return values;
    }
}
