package signals.examples.shop.web;

import jakarta.servlet.AsyncContext;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Lines pushed to every open {@code /events} page as server-sent events. Publishing only queues
 * the line: it is written by a thread of the feed's own, so that a publisher (a signal's sender,
 * in the middle of a flush or a request) never waits for a slow browser.
 */
public final class LiveFeed implements AutoCloseable {

    private final Set<AsyncContext> listeners = ConcurrentHashMap.newKeySet();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "shop-live-feed");
        thread.setDaemon(true);
        return thread;
    });

    /** Creates a feed with no listeners. */
    public LiveFeed() {
    }

    /**
     * Sends a line to every listener.
     *
     * @param line one line of text; line breaks in it are replaced by spaces
     */
    public void publish(String line) {
        String event = "data: " + Objects.requireNonNull(line, "line").replaceAll("[\r\n]+", " ") + "\n\n";
        writer.execute(() -> listeners.forEach(listener -> write(listener, event)));
    }

    /**
     * Adds an asynchronous response that takes the events from now on; it stays until the client
     * goes away or the feed closes.
     *
     * @param listener a started asynchronous cycle whose response is {@code text/event-stream}
     */
    public void listen(AsyncContext listener) {
        listeners.add(listener);
        writer.execute(() -> write(listener, ": listening\n\n"));
    }

    /** Ends every listener's response and stops the writer. */
    @Override
    public void close() {
        writer.execute(() -> listeners.forEach(this::end));
        writer.shutdown();
    }

    private void write(AsyncContext listener, String event) {
        try {
            PrintWriter out = listener.getResponse().getWriter();
            out.write(event);
            out.flush();
            if (out.checkError()) {
                end(listener);
            }
        } catch (java.io.IOException | IllegalStateException e) {
            // The client went away, or the container already ended the response.
            listeners.remove(listener);
        }
    }

    private void end(AsyncContext listener) {
        listeners.remove(listener);
        try {
            listener.complete();
        } catch (IllegalStateException alreadyEnded) {
            // Nothing to end.
        }
    }
}
