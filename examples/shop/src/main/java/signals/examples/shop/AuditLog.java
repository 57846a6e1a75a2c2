package signals.examples.shop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The shop's audit trail: one line per thing worth remembering, kept in memory for the example. */
public final class AuditLog {

    private static final List<String> LINES = new CopyOnWriteArrayList<>();

    private AuditLog() {
    }

    /**
     * Writes a line.
     *
     * @param line what happened
     */
    public static void write(String line) {
        LINES.add(line);
    }

    /**
     * Every line written so far, oldest first.
     *
     * @return a snapshot
     */
    public static List<String> lines() {
        return List.copyOf(LINES);
    }
}
