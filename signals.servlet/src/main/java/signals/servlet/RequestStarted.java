package signals.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * The payload of {@link RequestSignals#REQUEST_STARTED}.
 *
 * <p>The request itself is valid only while the receiver runs: the container recycles it after
 * the response. What the client asked for is copied into the other components, which stay valid
 * for as long as a receiver keeps them.
 *
 * @param request the client request, as the filter received it; never null. Valid only while the
 *     receiver runs
 * @param method its HTTP method, such as {@code "GET"}; never null
 * @param path its path as the client sent it, with the application's context path and not
 *     decoded ({@link HttpServletRequest#getRequestURI()}), such as {@code "/shop/orders/42"};
 *     never null
 * @param query its query string without the {@code ?}, not decoded, such as {@code "page=2"};
 *     empty when there is none, never null
 * @since 0.1
 */
public record RequestStarted(HttpServletRequest request, String method, String path, String query) {

    /**
     * Checks the components.
     *
     * @param request the request, not null
     * @param method the HTTP method, not null
     * @param path the path, not null
     * @param query the query string, empty if none, not null
     * @throws NullPointerException if a component is null
     */
    public RequestStarted {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
    }

    /**
     * Reads the method, path and query from the request.
     *
     * @param request the request, not null
     * @throws NullPointerException if the request is null
     */
    public RequestStarted(HttpServletRequest request) {
        this(request, RequestLine.of(Objects.requireNonNull(request, "request")));
    }

    RequestStarted(HttpServletRequest request, RequestLine line) {
        this(request, line.method(), line.path(), line.query());
    }
}
