package signals.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * The payload of {@link RequestSignals#GOT_REQUEST_EXCEPTION}.
 *
 * @param request the client request that failed; never null. Valid only while the receiver runs:
 *     the container recycles it after the response
 * @param exception what the filter chain threw, or what the asynchronous cycle failed with,
 *     unchanged; never null
 * @param method the request's HTTP method, as {@link RequestStarted#method()}; never null
 * @param path the request's path, as {@link RequestStarted#path()}; never null
 * @param query the request's query string, as {@link RequestStarted#query()}; empty when there
 *     is none, never null
 * @since 0.1
 */
public record GotRequestException(HttpServletRequest request, Throwable exception, String method, String path,
                                  String query) {

    /**
     * Checks the components.
     *
     * @param request the request, not null
     * @param exception the exception, not null
     * @param method the HTTP method, not null
     * @param path the path, not null
     * @param query the query string, empty if none, not null
     * @throws NullPointerException if a component is null
     */
    public GotRequestException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(exception, "exception");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
    }

    /**
     * Reads the method, path and query from the request.
     *
     * @param request the request, not null
     * @param exception the exception, not null
     * @throws NullPointerException if the request or the exception is null
     */
    public GotRequestException(HttpServletRequest request, Throwable exception) {
        this(request, exception, RequestLine.of(Objects.requireNonNull(request, "request")));
    }

    GotRequestException(HttpServletRequest request, Throwable exception, RequestLine line) {
        this(request, exception, line.method(), line.path(), line.query());
    }
}
