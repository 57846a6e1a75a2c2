package signals.relay.testkit;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The records of a {@code java.util.logging} logger and its children, kept as lines from the
 * moment it is made until it is closed; a test reads {@link #lines()} while the relay's threads
 * still log. Made in a try-with-resources statement, or as an instance field registered with
 * {@code @RegisterExtension}, which closes it after each test.
 */
public final class LogCapture implements AutoCloseable, AfterEachCallback {

    // Held: a logger nobody holds may be collected, and a new one made without the handler.
    private final Logger logger;
    // Read with streams while relay threads log: a copy-on-write list needs no lock for that.
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler;

    private LogCapture(String name, Function<LogRecord, String> line) {
        logger = Logger.getLogger(name);
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(line.apply(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
    }

    /**
     * Captures each record's message, as it was logged.
     *
     * @param logger the logger's name, such as {@code signals.relay}
     * @return the capture, already capturing
     */
    public static LogCapture messages(String logger) {
        return new LogCapture(logger, LogRecord::getMessage);
    }

    /**
     * Captures each record as its level, a space, and its message: {@code WARNING relay ...}.
     *
     * @param logger the logger's name, such as {@code signals.relay}
     * @return the capture, already capturing
     */
    public static LogCapture withLevels(String logger) {
        return new LogCapture(logger, record -> record.getLevel() + " " + record.getMessage());
    }

    /**
     * The lines captured so far, and those still to come: a live view, safe to read at any time.
     *
     * @return the lines, in the order they were logged
     */
    public List<String> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** Stops capturing; the lines stay. */
    @Override
    public void close() {
        logger.removeHandler(handler);
    }

    /**
     * Stops capturing at the end of a test, as an extension.
     *
     * @param context the test's context
     */
    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
