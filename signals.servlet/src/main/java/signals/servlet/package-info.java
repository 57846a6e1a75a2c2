/**
 * Django's request signals for Jakarta Servlet 6.1: {@code request_started},
 * {@code request_finished}, {@code got_request_exception} and {@code template_rendered}, fired by
 * {@link signals.servlet.SignalsFilter}, a filter declared in {@code web.xml}.
 *
 * <pre>{@code
 * public final class Timing implements ReceiverProvider {
 *     private final Map<HttpServletRequest, Long> started = new ConcurrentHashMap<>();
 *
 *     public List<SignalBinding<?>> receivers() {
 *         return List.of(
 *                 SignalBinding.receiver(RequestSignals.REQUEST_STARTED,
 *                         (signal, context, s) -> started.put(s.request(), System.nanoTime())),
 *                 SignalBinding.receiver(RequestSignals.REQUEST_FINISHED,
 *                         (signal, context, f) -> log(f.method(), f.path(), f.status(),
 *                                 System.nanoTime() - started.remove(f.request()))));
 *     }
 * }
 * }</pre>
 *
 * The signals are declared in {@link signals.servlet.RequestSignals}; each has a payload record
 * ({@link signals.servlet.RequestStarted}, {@link signals.servlet.RequestFinished},
 * {@link signals.servlet.GotRequestException}, {@link signals.servlet.TemplateRendered}). The
 * sender is always the application's {@link jakarta.servlet.ServletContext}.
 *
 * <h2>Glossary</h2>
 * <dl>
 *   <dt>client request</dt><dd>one HTTP request from a client, from the container's first
 *       ({@code REQUEST}) dispatch to the complete response; what {@code request_started} and
 *       {@code request_finished} frame, once each.</dd>
 *   <dt>dispatch</dt><dd>one pass of a request through filters and a servlet: the first one, and
 *       then forwards, includes, error pages and asynchronous dispatches of the same request.</dd>
 *   <dt>view</dt><dd>the JSP or servlet a request is forwarded to or includes, Django's
 *       template; its path and the request attributes are what {@code template_rendered}
 *       carries.</dd>
 * </dl>
 *
 * <h2>Questions a reviewer asks</h2>
 * <dl>
 *   <dt>Why a filter, not a {@code ServletRequestListener}?</dt>
 *   <dd>Containers call request listeners once per dispatch (Jetty does: an error page or an
 *       asynchronous dispatch calls them again), and a listener cannot see the exception a
 *       servlet throws, nor the end of an asynchronous cycle. The filter sees the first dispatch,
 *       the exception on its way out, and follows {@code startAsync} with an
 *       {@link jakarta.servlet.AsyncListener}.</dd>
 *   <dt>Why does {@code request_finished} carry the request, when Django's carries nothing?</dt>
 *   <dd>So that a receiver can pair it with its start, to time the request or close what the
 *       start opened. It carries the response too, for its status.</dd>
 *   <dt>When exactly is a synchronous request finished?</dt>
 *   <dd>When the filter chain returns or throws: the servlet has written its whole body into
 *       the container's buffer, and the container sends the rest (or its error page) right after.
 *       Waiting for the container's own last write would need a container-specific hook, or an
 *       asynchronous cycle for every request; an asynchronous request, which has one anyway,
 *       finishes after the container completed the response.</dd>
 *   <dt>Why is the sender the {@code ServletContext}?</dt>
 *   <dd>It tells applications apart: with {@code signals.core} in a container's shared library,
 *       {@code ConnectOption.sender(context)} or
 *       {@link signals.servlet.RequestSignals#ofOwnApplication} keeps a receiver to one
 *       application.</dd>
 *   <dt>Does the filter cost anything when nobody listens?</dt>
 *   <dd>One small object per request, the bookkeeping kept as a request attribute. A payload is
 *       built, and the request's method, path and query read, only for a signal that a receiver
 *       or a {@link signals.core.spi.SendObserver} would see; a forward or include copies the
 *       request attributes only when someone listens to {@code template_rendered}.</dd>
 *   <dt>Why do the payloads copy the method, path and query?</dt>
 *   <dd>The container recycles the request after the response, and an asynchronous dispatch or a
 *       forward changes its path: a receiver that records the request after the fact (an access
 *       log written from another thread) needs what the client asked for, read once at the
 *       start.</dd>
 *   <dt>What does it not do?</dt>
 *   <dd>It reports no exception that a servlet handles itself, nor responses sent with
 *       {@code sendError}. A client that leaves during an asynchronous request is noticed when
 *       the application writes to it, or when the container notices by itself (Jetty reports it
 *       through {@link jakarta.servlet.AsyncListener#onError}, at the latest when the connection
 *       times out or the server stops); until then the request has not finished.</dd>
 *   <dt>How do I notice that the filter never started?</dt>
 *   <dd>{@link signals.servlet.SignalsFilter#startedApplications()}, or the adapter's line in
 *       {@link signals.core.Signals#inventory()}. Nothing else can tell: without the filter no code
 *       of this module runs on a request.</dd>
 * </dl>
 *
 * <h2>Where things are</h2>
 * The rule of every module of this project: public here is API; package-private here is the
 * machinery (the exchange of one request, the receivers an application brings, the driver it
 * deregisters); the unexported {@code signals.servlet.internal} holds only what must be public
 * without being API, the service providers ({@code SignalsInitializer}, {@code ServletAdapter}),
 * which use this package and are never used by it.
 */
package signals.servlet;
