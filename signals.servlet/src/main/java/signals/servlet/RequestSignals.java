package signals.servlet;

import jakarta.servlet.ServletContext;
import java.util.Objects;
import signals.core.Receiver;
import signals.core.Signal;
import signals.core.spi.SignalAdapter;

/**
 * The built-in signals of {@code signals.servlet}, fired by {@link SignalsFilter}.
 *
 * <p>The sender of every one of them is the web application's
 * {@link jakarta.servlet.ServletContext}, so that where several applications share one copy of
 * {@code signals.core} (in a container's shared library), a receiver can listen to one of them
 * only, and a receiver connected by an application's own {@link signals.core.ReceiverProvider}
 * hears that application's requests only when it asks for that sender:
 *
 * <pre>{@code
 * REQUEST_FINISHED.connect((signal, context, finished) ->
 *         log.info(finished.method() + " " + finished.path() + " " + finished.status()),
 *         ConnectOption.sender(servletContext));
 * }</pre>
 *
 * <p>A receiver of a {@link signals.core.ReceiverProvider} cannot name its application's context,
 * which does not exist yet when providers run; where {@code signals.core} is shared by several
 * applications, {@link #ofOwnApplication} keeps such a receiver to the requests of its own:
 *
 * <pre>{@code
 * public List<SignalBinding<?>> receivers() {
 *     return List.of(SignalBinding.receiver(REQUEST_FINISHED, RequestSignals.ofOwnApplication(this::log)));
 * }
 * }</pre>
 *
 * <p>Each signal fires at most once per client request and per event: forwards, includes, error
 * pages and asynchronous dispatches of the same request never fire {@code request_started} or
 * {@code request_finished} again, and neither does a second {@link SignalsFilter} in the chain.
 *
 * @since 0.1
 */
public final class RequestSignals {

    /**
     * Sent when a client request enters the filter, before the rest of the filter chain and the
     * servlet run: Django's {@code django.core.signals.request_started}. The payload carries the
     * request, and copies of its method, path and query that a receiver may keep.
     */
    public static final Signal<RequestStarted> REQUEST_STARTED =
            SignalAdapter.declare("request_started", RequestStarted.class, "signals.servlet");

    /**
     * Sent once the response of a client request is complete: Django's
     * {@code django.core.signals.request_finished}. For a synchronous request, when the filter
     * chain returns or throws; for an asynchronous one ({@code startAsync}), when the asynchronous
     * cycle completes, times out or fails, or the container reports that the client went away.
     * Exactly once per request that sent {@link #REQUEST_STARTED}, also when the client
     * disconnects. Unlike Django's, the payload carries the request and the response, so that a
     * receiver can pair it with the start, and copies of the method, path, query and status.
     */
    public static final Signal<RequestFinished> REQUEST_FINISHED =
            SignalAdapter.declare("request_finished", RequestFinished.class, "signals.servlet");

    /**
     * Sent when the filter chain, or an asynchronous cycle, fails with an exception that becomes
     * a server error: Django's {@code django.core.signals.got_request_exception}. The exception is
     * then passed on unchanged, so the container's error pages and status codes still apply, and
     * {@link #REQUEST_FINISHED} still follows. A client that went away is no server error and sends
     * nothing.
     */
    public static final Signal<GotRequestException> GOT_REQUEST_EXCEPTION =
            SignalAdapter.declare("got_request_exception", GotRequestException.class, "signals.servlet");

    /**
     * Sent when a request is forwarded to, or includes, a view (a JSP or any servlet) through a
     * {@link jakarta.servlet.RequestDispatcher}, before the view runs: Django's
     * {@code django.test.signals.template_rendered}. The payload carries the view's path and the
     * request attributes, the view's context.
     */
    public static final Signal<TemplateRendered> TEMPLATE_RENDERED =
            SignalAdapter.declare("template_rendered", TemplateRendered.class, "signals.servlet");

    private RequestSignals() {
    }

    /**
     * Wraps a receiver so that it hears only the requests of the web application whose class
     * loader loaded it: the sender's {@link ServletContext#getClassLoader()} is the receiver's
     * class loader. Useful where {@code signals.core} is in a container's shared library; where
     * each application carries its own copy in {@code WEB-INF/lib}, every receiver hears only its
     * own application anyway. Sends from other senders do not reach it either.
     *
     * @param receiver the receiver, not null
     * @param <T> the payload type
     * @return a receiver that calls {@code receiver} for its own application's requests only
     * @throws NullPointerException if the receiver is null
     */
    public static <T> Receiver<T> ofOwnApplication(Receiver<T> receiver) {
        Objects.requireNonNull(receiver, "receiver");
        ClassLoader own = receiver.getClass().getClassLoader();
        return (signal, sender, payload) -> {
            if (sender instanceof ServletContext context && context.getClassLoader() == own) {
                receiver.receive(signal, sender, payload);
            }
        };
    }
}
