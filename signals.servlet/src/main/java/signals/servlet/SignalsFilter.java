package signals.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import signals.core.spi.SignalAdapter;

/**
 * The servlet filter that fires {@link RequestSignals}: declare it in {@code web.xml}, first among
 * the filters, mapped to every URL and for every kind of dispatch, with asynchronous support.
 *
 * <pre>{@code
 * <filter>
 *   <filter-name>signals</filter-name>
 *   <filter-class>signals.servlet.SignalsFilter</filter-class>
 *   <async-supported>true</async-supported>
 * </filter>
 * <filter-mapping>
 *   <filter-name>signals</filter-name>
 *   <url-pattern>/*</url-pattern>
 *   <dispatcher>REQUEST</dispatcher>
 *   <dispatcher>FORWARD</dispatcher>
 *   <dispatcher>INCLUDE</dispatcher>
 *   <dispatcher>ASYNC</dispatcher>
 *   <dispatcher>ERROR</dispatcher>
 * </filter-mapping>
 * }</pre>
 *
 * <p>Declared first, {@code request_started} comes before the other filters run. Without
 * {@code async-supported}, no servlet behind it can start asynchronous processing. The request
 * signals need only the {@code REQUEST} dispatcher; {@code template_rendered} needs
 * {@code FORWARD} and {@code INCLUDE}; {@code got_request_exception} for exceptions thrown in an
 * asynchronous dispatch or by an error page needs {@code ASYNC} and {@code ERROR}. Whatever the
 * mapping, the other dispatches of a request never start or finish it again.
 *
 * <h2>What fires when</h2>
 * <ul>
 *   <li>{@link RequestSignals#REQUEST_STARTED}: when a client request enters the filter, before
 *       the rest of the chain.</li>
 *   <li>{@link RequestSignals#TEMPLATE_RENDERED}: on each forward or include, before the view
 *       runs.</li>
 *   <li>{@link RequestSignals#GOT_REQUEST_EXCEPTION}: when the rest of the chain throws, an
 *       asynchronous cycle fails, or an asynchronous or error dispatch throws; not when the client
 *       went away ({@link java.io.EOFException} in the cause chain, as Jetty reports it), nor for
 *       {@code sendError}, nor for an exception a forward or include throws back to the servlet
 *       that may handle it. The exception is then thrown on unchanged; what the receivers throw
 *       is added to it as {@linkplain Throwable#addSuppressed suppressed}, and logged by
 *       {@code signals.core}.</li>
 *   <li>{@link RequestSignals#REQUEST_FINISHED}: for a synchronous request, when the chain returns
 *       or throws (the container then flushes what the servlet wrote, or writes its error page);
 *       after {@code startAsync}, once the container has completed the response, after
 *       {@code complete()}, a timeout or an error, or when the container reports that the client
 *       went away (then the response never completes).</li>
 * </ul>
 * Each fires once per client request and event, however often the request passes the filter
 * (forwards, error pages, asynchronous dispatches) and however many instances of this filter the
 * chain holds (declared twice, or declared and also {@linkplain #AUTO_REGISTER registered
 * automatically}): the first instance a request meets fires for it, the others let it pass. A
 * receiver that throws from {@code request_started}, {@code template_rendered} or a synchronous
 * {@code request_finished} makes the request fail as the servlet throwing would; the container
 * logs what a receiver throws from an asynchronous {@code request_finished}.
 *
 * <h2>Receivers of the application</h2>
 * When the first instance of this filter in an application starts, the receivers of the
 * {@link signals.core.ReceiverProvider}s its class loader sees (in {@code WEB-INF/classes} and
 * {@code WEB-INF/lib}) are connected; a provider that fails stops the application from starting,
 * with an exception that names it. When the last instance stops, every receiver the application's
 * class loader connected is disconnected ({@link signals.core.Signals#disconnectAll(ClassLoader)}),
 * and the {@code jdbc:signals:} driver of the application's own {@code signals.jdbc} (in its
 * {@code WEB-INF/lib}) is deregistered, so that the container can collect the application after
 * undeploying it. A server embedded in a program, whose applications share the program's class
 * loader, disconnects nothing when it stops: those receivers are the program's.
 *
 * <h2>Without web.xml</h2>
 * With the context parameter {@value #AUTO_REGISTER} set to {@code true}, the container registers
 * this filter by itself (through a {@link jakarta.servlet.ServletContainerInitializer}, for
 * containers that run them), mapped as above and ahead of the filters of {@code web.xml}. It stays
 * off by default, and a declaration in {@code web.xml} wins:
 *
 * <pre>{@code
 * <context-param>
 *   <param-name>signals.servlet.autoRegister</param-name>
 *   <param-value>true</param-value>
 * </context-param>
 * }</pre>
 *
 * @since 0.1
 */
public final class SignalsFilter implements Filter {

    /**
     * The context parameter that, set to {@code true}, registers this filter without
     * {@code web.xml}: {@value}.
     */
    public static final String AUTO_REGISTER = "signals.servlet.autoRegister";

    private ServletContext context;
    private ApplicationReceivers receivers;

    /**
     * Counts the web applications in which an instance of this filter has started and not yet
     * stopped, in this copy of {@code signals.servlet} (the container's shared one, or the
     * application's own in {@code WEB-INF/lib}). {@link signals.core.Signals#inventory()} shows it
     * beside this module's adapter.
     *
     * <p>Zero once the container has started its applications means that no request signal
     * fires anywhere: the filter is neither declared in {@code web.xml} nor registered. That is
     * what happens, in silence, to an application that relies on {@value #AUTO_REGISTER} in a
     * container that does not run {@link jakarta.servlet.ServletContainerInitializer}s, such as an
     * embedded Jetty {@code WebAppContext} without {@code jetty-ee11-annotations}:
     *
     * <pre>{@code
     * server.start();
     * if (SignalsFilter.startedApplications() == 0) {
     *     throw new IllegalStateException("SignalsFilter is not declared in web.xml");
     * }
     * }</pre>
     *
     * @return the number of applications with a started instance of this filter
     * @since 0.1
     */
    public static int startedApplications() {
        return ApplicationReceivers.started();
    }

    /** Creates the filter; the container calls this. */
    public SignalsFilter() {
    }

    /**
     * Connects the application's receivers, if no other instance of this filter in the
     * application has.
     *
     * @param config the filter's configuration, not null
     * @throws ServletException if a receiver provider of the application cannot be created or
     *     fails; its message names the provider class and its module
     */
    @Override
    public void init(FilterConfig config) throws ServletException {
        context = config.getServletContext();
        receivers = ApplicationReceivers.join(context);
    }

    /**
     * Fires the request signals around the rest of the chain.
     *
     * @param request the request
     * @param response the response
     * @param chain the rest of the chain
     * @throws IOException if the chain throws it
     * @throws ServletException if the chain throws it
     */
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
            Object exchange = request.getAttribute(Exchange.ATTRIBUTE);
            DispatcherType type = request.getDispatcherType();
            if (exchange == null && type == DispatcherType.REQUEST) {
                handle(http, httpResponse, chain);
                return;
            }
            if (exchange instanceof Exchange mine && mine.belongsTo(this)) {
                redispatch(mine, http, response, chain, type);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * A later dispatch of a request this filter started. A forward or an include renders a view;
     * its exceptions reach the servlet that dispatched, which may handle them. What escapes an
     * asynchronous or error dispatch goes to the container, and becomes a server error that no
     * {@link jakarta.servlet.AsyncListener} hears of: it is reported here.
     */
    private void redispatch(Exchange exchange, HttpServletRequest request, ServletResponse response,
                            FilterChain chain, DispatcherType type) throws IOException, ServletException {
        if (type == DispatcherType.FORWARD || type == DispatcherType.INCLUDE) {
            announceView(request, type);
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (Throwable e) {
            exchange.failed(e);
            throw e;
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Exchange exchange = new Exchange(this, context, request, response);
        request.setAttribute(Exchange.ATTRIBUTE, exchange);
        Throwable failure = null;
        try {
            exchange.start();
            chain.doFilter(request, response);
        } catch (Throwable e) {
            failure = e;
            exchange.failed(e);
            throw e;
        } finally {
            exchange.dispatchReturned(failure);
        }
    }

    private void announceView(HttpServletRequest request, DispatcherType type) {
        var rendered = SignalAdapter.event(RequestSignals.TEMPLATE_RENDERED, context);
        if (!rendered.isHeard()) {
            return;
        }
        String template = type == DispatcherType.INCLUDE
                ? path((String) request.getAttribute(RequestDispatcher.INCLUDE_SERVLET_PATH),
                        (String) request.getAttribute(RequestDispatcher.INCLUDE_PATH_INFO))
                : path(request.getServletPath(), request.getPathInfo());
        rendered.fire(new TemplateRendered(template, attributes(request), request));
    }

    private static String path(String servletPath, String pathInfo) {
        String path = servletPath == null ? "" : servletPath;
        return pathInfo == null ? path : path + pathInfo;
    }

    private static Map<String, Object> attributes(HttpServletRequest request) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Enumeration<String> names = request.getAttributeNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            Object value = request.getAttribute(name);
            if (value != null && !name.equals(Exchange.ATTRIBUTE)) {
                attributes.put(name, value);
            }
        }
        return attributes;
    }

    /**
     * Disconnects the application's receivers, if this is the last instance of this filter in
     * the application to stop.
     */
    @Override
    public void destroy() {
        ApplicationReceivers stopping = receivers;
        receivers = null;
        if (stopping != null) {
            stopping.leave();
        }
    }
}
