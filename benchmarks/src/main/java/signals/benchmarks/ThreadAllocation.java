package signals.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * The bytes allocated so far by each live thread whose name starts with a prefix, as HotSpot
 * counts them ({@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long[])}).
 */
final class ThreadAllocation {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> bytes;

    private ThreadAllocation(Map<Long, Long> bytes) {
        this.bytes = bytes;
    }

    /** The counts of the live threads named {@code prefix...}, now. */
    static ThreadAllocation of(String prefix) {
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        long[] allocated = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> bytes = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            // A thread that ended since getAllThreadIds has no info, and -1 bytes.
            if (infos[i] != null && allocated[i] >= 0 && infos[i].getThreadName().startsWith(prefix)) {
                bytes.put(ids[i], allocated[i]);
            }
        }
        if (bytes.isEmpty()) {
            throw new IllegalStateException("no live thread named " + prefix + "...");
        }
        return new ThreadAllocation(bytes);
    }

    /**
     * What these threads allocated since {@code earlier}; a thread that started in between counts
     * from zero. A thread that ended in between is not seen: its bytes are lost, which is why the
     * threads measured should be a fixed pool.
     */
    long since(ThreadAllocation earlier) {
        long sum = 0;
        for (Map.Entry<Long, Long> thread : bytes.entrySet()) {
            sum += thread.getValue() - earlier.bytes.getOrDefault(thread.getKey(), 0L);
        }
        return sum;
    }
}
