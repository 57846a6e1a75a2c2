package signals.servlet;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import signals.core.Reply;
import signals.core.Signal;
import signals.core.spi.SignalAdapter;

/**
 * One client request on its way through {@link SignalsFilter}: remembers which filter instance
 * fires for it, sends {@code request_finished} exactly once, and follows its asynchronous cycles.
 * It builds a payload only for a signal that someone hears, and reads what the client asked for
 * (its {@link RequestLine}) once, at the start when anyone hears the request signals then.
 *
 * <p>It is kept as a request attribute, so that it lives exactly as long as the request and is
 * seen by every dispatch of it, and by every instance of the filter.
 */
final class Exchange implements AsyncListener {

    /** The request attribute that holds it; left out of {@link TemplateRendered#context()}. */
    static final String ATTRIBUTE = Exchange.class.getName();

    /** What Tomcat throws at a servlet that writes to a client that left: an IOException, not an EOFException. */
    private static final String TOMCAT_CLIENT_ABORT = "org.apache.catalina.connector.ClientAbortException";

    private final SignalsFilter filter;
    private final ServletContext context;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    // Container threads may complete, time out and fail one request at once.
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Throwable reported;
    // Read at the start, or at the first payload if nobody listened then; immutable, so a race
    // between two container threads only reads the same request twice.
    private volatile RequestLine line;

    Exchange(SignalsFilter filter, ServletContext context, HttpServletRequest request, HttpServletResponse response) {
        this.filter = filter;
        this.context = context;
        this.request = request;
        this.response = response;
    }

    boolean belongsTo(SignalsFilter candidate) {
        return filter == candidate;
    }

    /**
     * Sends {@code request_started}. Reads the request line now if any request signal is heard,
     * before a forward or an asynchronous dispatch changes the request's path.
     */
    void start() {
        var started = SignalAdapter.event(RequestSignals.REQUEST_STARTED, context);
        if (started.isHeard()) {
            started.fire(new RequestStarted(request, line()));
        } else if (heard(RequestSignals.REQUEST_FINISHED) || heard(RequestSignals.GOT_REQUEST_EXCEPTION)) {
            line();
        }
    }

    private RequestLine line() {
        RequestLine read = line;
        if (read == null) {
            read = RequestLine.of(request);
            line = read;
        }
        return read;
    }

    private boolean heard(Signal<?> signal) {
        return SignalAdapter.isHeard(signal, context);
    }

    /**
     * Sends {@code got_request_exception}, once per exception: the same one may come back through
     * {@link #onError} when it was thrown after {@code startAsync}, as it is (Jetty) or as the
     * cause of another (Tomcat's "Error during asynchronous dispatch"). Receivers' failures are
     * added to the exception, which the caller throws on, rather than replace it.
     */
    void failed(Throwable exception) {
        if (isReported(exception) || isClientGone(exception)) {
            return;
        }
        reported = exception;
        if (!heard(RequestSignals.GOT_REQUEST_EXCEPTION)) {
            return;
        }
        for (Reply reply : RequestSignals.GOT_REQUEST_EXCEPTION.sendRobust(context,
                new GotRequestException(request, exception, line()))) {
            if (reply.failed() && reply.exception() != exception) {
                exception.addSuppressed(reply.exception());
            }
        }
    }

    /** After the request dispatch: finished now, or when the asynchronous cycle it started ends. */
    void dispatchReturned(Throwable failure) {
        if (request.isAsyncStarted()) {
            // The container calls onComplete only after this dispatch has returned, so nothing is missed.
            request.getAsyncContext().addListener(this);
        } else {
            finish(failure);
        }
    }

    private void finish(Throwable failure) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        var finishedEvent = SignalAdapter.event(RequestSignals.REQUEST_FINISHED, context);
        if (!finishedEvent.isHeard()) {
            return;
        }
        try {
            finishedEvent.fire(new RequestFinished(request, response, line()));
        } catch (RuntimeException | Error e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    private boolean isReported(Throwable exception) {
        Throwable last = reported;
        for (Throwable t = exception; t != null && last != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t == last) {
                return true;
            }
        }
        return false;
    }

    /**
     * A client that went away shows as an EOFException in the cause chain (Jetty's EofException is
     * one), or as Tomcat's ClientAbortException, named rather than linked: Tomcat is optional.
     */
    private static boolean isClientGone(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EOFException || t.getClass().getName().equals(TOMCAT_CLIENT_ABORT)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void onComplete(AsyncEvent event) {
        finish(null);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // The container completes the request after the timeout; onComplete finishes it.
    }

    /**
     * A failure of the asynchronous cycle. The container completes a request that failed on the
     * server's side, and {@link #onComplete} finishes it; a request whose client went away may
     * never complete (Jetty reports a reset connection here, and completes nothing when the
     * application holds the request open), so it finishes now.
     */
    @Override
    public void onError(AsyncEvent event) {
        Throwable failure = event.getThrowable();
        // What the application throws reaches the filter first, and comes back here as itself or
        // wrapped in a RuntimeException. A bare IOException is the connection's own: Tomcat
        // reports a client that left during an asynchronous request so, and it is no server error.
        if (isClientGone(failure) || failure instanceof IOException) {
            finish(null);
        } else if (failure != null) {
            failed(failure);
        }
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // A new cycle forgets the listeners of the last one.
        event.getAsyncContext().addListener(this);
    }
}
