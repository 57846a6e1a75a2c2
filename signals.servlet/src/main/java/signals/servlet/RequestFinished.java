package signals.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;

/**
 * The payload of {@link RequestSignals#REQUEST_FINISHED}.
 *
 * <p>The request and the response are valid only while the receiver runs: the container
 * recycles them. What the client asked for, and the status it got, are copied into the other
 * components, which stay valid for as long as a receiver keeps them:
 *
 * <pre>{@code
 * REQUEST_FINISHED.connect((signal, context, f) -> accessLog.add(f.method() + " " + f.path() + " " + f.status()));
 * }</pre>
 *
 * @param request the client request, the same object {@link RequestStarted#request()} carried;
 *     never null. Valid only while the receiver runs
 * @param response its response; never null. Valid only while the receiver runs
 * @param method the request's HTTP method, as {@link RequestStarted#method()}; never null
 * @param path the request's path, as {@link RequestStarted#path()}: what the client asked for,
 *     whatever the application forwarded or dispatched it to; never null
 * @param query the request's query string, as {@link RequestStarted#query()}; empty when there
 *     is none, never null
 * @param status the response's status code when the request finished
 * @since 0.1
 */
public record RequestFinished(HttpServletRequest request, HttpServletResponse response, String method, String path,
                              String query, int status) {

    /**
     * Checks the components.
     *
     * @param request the request, not null
     * @param response the response, not null
     * @param method the HTTP method, not null
     * @param path the path, not null
     * @param query the query string, empty if none, not null
     * @param status the status code
     * @throws NullPointerException if a component is null
     */
    public RequestFinished {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
    }

    /**
     * Reads the method, path and query from the request, and the status from the response.
     *
     * @param request the request, not null
     * @param response the response, not null
     * @throws NullPointerException if the request or the response is null
     */
    public RequestFinished(HttpServletRequest request, HttpServletResponse response) {
        this(request, response, RequestLine.of(Objects.requireNonNull(request, "request")));
    }

    RequestFinished(HttpServletRequest request, HttpServletResponse response, RequestLine line) {
        this(request, response, line.method(), line.path(), line.query(),
                Objects.requireNonNull(response, "response").getStatus());
    }
}
