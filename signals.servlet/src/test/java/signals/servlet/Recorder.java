package signals.servlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import signals.core.ConnectOption;
import signals.core.Signal;
import signals.core.SignalConnection;

/**
 * Records the four request signals of one application, capturing what a test needs at the moment
 * each is sent: the container recycles requests afterwards.
 */
final class Recorder implements AutoCloseable {

    /** One signal as it was received. */
    record Event(String signal, Object sender, Object payload, HttpServletRequest request, String uri, String id,
                 int status, boolean committed) {
    }

    /** What a request that went well sends. */
    static final List<String> PLAIN = List.of("request_started", "request_finished");
    /** What a request that failed with an exception sends. */
    static final List<String> FAILED = List.of("request_started", "got_request_exception", "request_finished");

    private final List<Event> events = new ArrayList<>();
    private final List<SignalConnection> connections = new ArrayList<>();

    Recorder(ServletContext context) {
        ConnectOption sender = ConnectOption.sender(context);
        record(RequestSignals.REQUEST_STARTED, sender);
        record(RequestSignals.REQUEST_FINISHED, sender);
        record(RequestSignals.GOT_REQUEST_EXCEPTION, sender);
        record(RequestSignals.TEMPLATE_RENDERED, sender);
    }

    private <T> void record(Signal<T> signal, ConnectOption sender) {
        connections.add(signal.connect((s, from, payload) -> add(s, from, payload), sender));
    }

    private void add(Signal<?> signal, Object sender, Object payload) {
        HttpServletRequest request = request(payload);
        RequestFinished finished = payload instanceof RequestFinished f ? f : null;
        Event event = new Event(signal.name(), sender, payload, request, request.getRequestURI(),
                request.getHeader("X-Id"), finished == null ? 0 : finished.response().getStatus(),
                finished != null && finished.response().isCommitted());
        synchronized (events) {
            events.add(event);
            events.notifyAll();
        }
    }

    private static HttpServletRequest request(Object payload) {
        if (payload instanceof RequestStarted started) {
            return started.request();
        }
        if (payload instanceof RequestFinished finished) {
            return finished.request();
        }
        if (payload instanceof GotRequestException failed) {
            return failed.request();
        }
        return ((TemplateRendered) payload).request();
    }

    /** Waits until at least {@code count} events match, and returns all events so far. */
    List<Event> await(int count, Predicate<Event> matching) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        synchronized (events) {
            while (events.stream().filter(matching).count() < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("waited 20 s for " + count + " matching events, got " + events);
                }
                events.wait(left);
            }
            return List.copyOf(events);
        }
    }

    /** Waits until {@code count} requests have finished, and returns all events so far. */
    List<Event> awaitFinished(int count) throws InterruptedException {
        return await(count, event -> event.signal().equals("request_finished"));
    }

    /** Waits until the request of that id has finished, then for one more request, and returns its events. */
    List<Event> settle(Container container, String id) throws Exception {
        await(1, event -> id.equals(event.id()) && event.signal().equals("request_finished"));
        // Whatever the first request still had to send, it sent before this one, on the same connection, finished.
        String barrier = id + "-barrier";
        container.get("/app/hello", barrier);
        await(1, event -> barrier.equals(event.id()) && event.signal().equals("request_finished"));
        return of(id);
    }

    /** The events of the request of that id, in the order they came. */
    List<Event> of(String id) {
        return events().stream().filter(event -> id.equals(event.id())).toList();
    }

    /** The names of the signals sent for the request of that id, in order. */
    List<String> namesOf(String id) {
        return of(id).stream().map(Event::signal).toList();
    }

    /** The names of the signals of these events, in order. */
    static List<String> signals(List<Event> events) {
        return events.stream().map(Event::signal).toList();
    }

    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    @Override
    public void close() {
        connections.forEach(SignalConnection::disconnect);
    }
}
