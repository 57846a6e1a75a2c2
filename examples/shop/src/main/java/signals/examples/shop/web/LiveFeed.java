package signals.examples.shop.web;

import jakarta.servlet.AsyncContext;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * The sends pushed to every open {@code /events} page as server-sent events, and how many each
 * signal has had. Publishing only counts and queues: the events are written by a thread of the
 * feed's own, so that a publisher (a signal's sender, in the middle of a flush or a request) never
 * waits for a slow browser.
 *
 * <p>Every send gets a sequence number. The page loads the counts once ({@link #counts()}, with
 * the number of the last send they include), then adds the sends it receives with a higher number:
 * a send is counted once, whether it happened before the page loaded, during, or after.
 */
public final class LiveFeed implements AutoCloseable {

    /**
     * One send, as the page shows it.
     *
     * @param signal the signal's name
     * @param sender the sender, in a few words
     * @param details the payload's fields, in a few words each
     */
    public record Sent(String signal, String sender, String details) {

        /**
         * Creates a send.
         *
         * @param signal the signal's name, not null
         * @param sender the sender, not null
         * @param details the payload's fields, not null
         */
        public Sent {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(details, "details");
        }
    }

    /**
     * How many sends each signal has had.
     *
     * @param last the sequence number of the last send counted, 0 before the first
     * @param bySignal sends per signal name; a signal not sent yet is absent
     */
    public record Counts(long last, Map<String, Long> bySignal) {

        /**
         * Creates counts; the map is copied.
         *
         * @param last the last send's number
         * @param bySignal the counts, not null
         */
        public Counts {
            bySignal = Map.copyOf(bySignal);
        }
    }

    private final Set<AsyncContext> listeners = ConcurrentHashMap.newKeySet();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "shop-live-feed");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Long> counts = new LinkedHashMap<>(); // guarded by this
    private long last; // guarded by this

    /** Creates a feed with no listeners. */
    public LiveFeed() {
    }

    /**
     * Counts a send and pushes it to every listener, as a JSON object with the fields of
     * {@link Sent} and its sequence number, {@code number}.
     *
     * @param sent the send, not null
     */
    public void publish(Sent sent) {
        long number;
        synchronized (this) {
            number = ++last;
            counts.merge(sent.signal(), 1L, Long::sum);
        }
        String event = "data: {\"number\":" + number
                + ",\"signal\":" + Json.string(sent.signal())
                + ",\"sender\":" + Json.string(sent.sender())
                + ",\"details\":" + Json.string(sent.details()) + "}\n\n";
        try {
            writer.execute(() -> listeners.forEach(listener -> write(listener, event)));
        } catch (RejectedExecutionException closed) {
            // Sent after the feed closed: no page is listening any more.
        }
    }

    /**
     * The sends counted so far.
     *
     * @return a snapshot
     */
    public synchronized Counts counts() {
        return new Counts(last, counts);
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

    /** Ends every listener's response and stops the writer; closing twice is harmless. */
    @Override
    public synchronized void close() {
        if (!writer.isShutdown()) {
            writer.execute(() -> listeners.forEach(this::end));
            writer.shutdown();
        }
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
