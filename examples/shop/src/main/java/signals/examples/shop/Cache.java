package signals.examples.shop;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The shop's read cache, one per JVM as Django's default cache is. The shop fills it; the receivers
 * empty the entries that a change made stale, which is the only reason reads stay right.
 */
public final class Cache {

    /** The cache the shop reads through. */
    public static final Cache DEFAULT = new Cache();

    private final Map<String, Object> entries = new ConcurrentHashMap<>();
    private final AtomicInteger invalidations = new AtomicInteger();

    private Cache() {
    }

    /**
     * Returns the cached value, computing and keeping it when absent.
     *
     * @param key the entry's key
     * @param loader computes the value on a miss
     * @param <V> the value's type
     * @return the cached or computed value
     */
    @SuppressWarnings("unchecked")
    public <V> V get(String key, Supplier<V> loader) {
        return (V) entries.computeIfAbsent(key, absent -> loader.get());
    }

    /**
     * Forgets one entry.
     *
     * @param key the entry's key
     */
    public void invalidate(String key) {
        invalidations.incrementAndGet();
        entries.remove(key);
    }

    /** Forgets every entry. */
    public void clear() {
        invalidations.incrementAndGet();
        entries.clear();
    }

    /**
     * Counts the calls of {@link #invalidate} and {@link #clear}.
     *
     * @return how many invalidations there were
     */
    public int invalidations() {
        return invalidations.get();
    }
}
