package signals.servlet;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.EOFException;
import java.util.concurrent.atomic.AtomicBoolean;
import signals.core.Reply;
import signals.core.spi.SignalAdapter;

/**
 * One client request on its way through {@link SignalsFilter}: remembers which filter instance
 * fires for it, sends {@code request_finished} exactly once, and follows its asynchronous cycles.
 *
 * <p>It is kept as a request attribute, so that it lives exactly as long as the request and is
 * seen by every dispatch of it, and by every instance of the filter.
 */
final class Exchange implements AsyncListener {

    /** The request attribute that holds it; left out of {@link TemplateRendered#context()}. */
    static final String ATTRIBUTE = Exchange.class.getName();

    private final SignalsFilter filter;
    private final ServletContext context;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    // Container threads may complete, time out and fail one request at once.
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Throwable reported;

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
     * Sends {@code got_request_exception}, once per exception: the same one may come back through
     * {@link #onError} when it was thrown after {@code startAsync}. Receivers' failures are
     * added to the exception, which the caller throws on, rather than replace it.
     */
    void failed(Throwable exception) {
        if (exception == reported || isClientGone(exception)) {
            return;
        }
        reported = exception;
        for (Reply reply : RequestSignals.GOT_REQUEST_EXCEPTION.sendRobust(context,
                new GotRequestException(request, exception))) {
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
        try {
            SignalAdapter.event(RequestSignals.REQUEST_FINISHED, context).fire(new RequestFinished(request, response));
        } catch (RuntimeException | Error e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    /** A client that went away shows as an EOFException in the cause chain (Jetty's EofException is one). */
    private static boolean isClientGone(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EOFException) {
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

    @Override
    public void onError(AsyncEvent event) {
        Throwable failure = event.getThrowable();
        if (failure != null) {
            failed(failure);
        }
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // A new cycle forgets the listeners of the last one.
        event.getAsyncContext().addListener(this);
    }
}
