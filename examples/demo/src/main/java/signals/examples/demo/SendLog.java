package signals.examples.demo;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import signals.core.Kwargs;
import signals.core.Signal;
import signals.core.spi.SendObserver;

/**
 * Sees every send in the JVM, before its receivers: prints one line per send (signal, sender,
 * the payload's fields) and counts sends per signal, and per kind where a payload tells one
 * (the {@code action} of {@code m2m_changed}, {@code created} or not for {@code post_save}).
 */
final class SendLog implements SendObserver {

    /** What counted sends are keyed by: the signal's name, and the kind of send or null. */
    record Key(String signal, String kind) {

        @Override
        public String toString() {
            return kind == null ? signal : signal + " (" + kind + ")";
        }
    }

    private static final int LONGEST_VALUE = 60;

    private final Consumer<String> lines;
    private final Map<Key, Integer> counts = new LinkedHashMap<>();
    private final Map<String, String> firedBy = new LinkedHashMap<>();

    /** A log that hands each send's line to {@code lines}, in the sending thread. */
    SendLog(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized boolean sending(Signal<?> signal, Object sender, Object payload) {
        Map<String, Object> fields = fields(payload);
        counts.merge(new Key(signal.name(), null), 1, Integer::sum);
        if (Summary.REQUIRED_KINDS.containsKey(signal.name())) {
            kind(fields).ifPresent(kind -> counts.merge(new Key(signal.name(), kind), 1, Integer::sum));
        }
        firedBy.putIfAbsent(signal.name(), signal.firedBy().orElse("custom"));
        lines.accept(String.format("  %-22s %-16s %s", signal.name(), describe(sender), details(fields)));
        notifyAll();
        return true;
    }

    /**
     * Waits until a signal has been sent at least {@code count} times: a send in another thread
     * (a web request's end, after its response reached the client) is then logged before the
     * caller goes on.
     *
     * @return true if it was, false if the patience ran out first
     */
    synchronized boolean awaitCount(Key key, int count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (counts.getOrDefault(key, 0) < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** How many sends each signal, and each kind of send, had so far, in the order they first fired. */
    synchronized Map<Key, Integer> counts() {
        return new LinkedHashMap<>(counts);
    }

    /** Which module fired each signal seen so far, or {@code "custom"}. */
    synchronized Map<String, String> firedBy() {
        return new LinkedHashMap<>(firedBy);
    }

    /** The payload as named fields: a record's components, or Django-style keyword arguments. */
    static Map<String, Object> fields(Object payload) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (payload instanceof Kwargs arguments) {
            fields.putAll(arguments.asMap());
        } else if (payload != null && payload.getClass().isRecord()) {
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                fields.put(component.getName(), component(payload, component));
            }
        } else if (payload != null) {
            fields.put("payload", payload);
        }
        return fields;
    }

    /** The payload's fields in a few words each: {@code instance=Order#1, created=true, ...}. */
    static String details(Map<String, Object> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + describe(field.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static Object component(Object record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A payload type the demo's module cannot read: say so, rather than fail the send.
            return "<" + e.getClass().getSimpleName() + ">";
        }
    }

    private static Optional<String> kind(Map<String, Object> fields) {
        if (fields.get("action") != null) {
            return Optional.of(fields.get("action").toString().toLowerCase(Locale.ROOT));
        }
        if (fields.get("created") instanceof Boolean created) {
            return Optional.of(created ? "created" : "updated");
        }
        return Optional.empty();
    }

    /** A value in a few words: what a reader needs to recognise it, not every detail. */
    static String describe(Object value) {
        String text;
        if (value instanceof Class<?> type) {
            text = type.getSimpleName();
        } else if (value instanceof ServletContext context) {
            text = "ServletContext(" + (context.getContextPath().isEmpty() ? "/" : context.getContextPath()) + ")";
        } else if (value instanceof HttpServletRequest request) {
            text = request.getMethod() + " " + request.getRequestURI();
        } else if (value instanceof HttpServletResponse response) {
            // After an exception the container writes the error page later: no status to show yet.
            text = response.isCommitted() ? "status " + response.getStatus() : "not sent yet";
        } else if (value instanceof Throwable failure) {
            text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        } else if (value instanceof Map<?, ?> map) {
            // Dotted names are the container's and the libraries' own attributes.
            text = map.entrySet().stream()
                    .filter(entry -> !String.valueOf(entry.getKey()).contains("."))
                    .map(entry -> entry.getKey() + "=" + describe(entry.getValue()))
                    .sorted()
                    .collect(Collectors.joining(", ", "{", "}"));
        } else if (value instanceof CharSequence) {
            text = "\"" + value + "\"";
        } else if (value instanceof Iterable<?> items) {
            List<String> each = new ArrayList<>();
            items.forEach(item -> each.add(describe(item)));
            text = each.toString();
        } else if (value instanceof java.sql.Connection connection) {
            text = connection.getClass().getSimpleName();
        } else {
            text = String.valueOf(value);
        }
        return text.length() <= LONGEST_VALUE ? text : text.substring(0, LONGEST_VALUE - 3) + "...";
    }
}
