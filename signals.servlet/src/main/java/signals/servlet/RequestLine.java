package signals.servlet;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a client asked for, read from the request once: the container recycles the request after
 * the response, and a dispatch changes its path, so payloads keep these strings instead.
 *
 * @param method the HTTP method, such as {@code "GET"}
 * @param path the path as the client sent it ({@link HttpServletRequest#getRequestURI()}), not decoded
 * @param query the query string without its {@code ?}, not decoded; empty when there is none
 */
record RequestLine(String method, String path, String query) {

    static RequestLine of(HttpServletRequest request) {
        String query = request.getQueryString();
        return new RequestLine(request.getMethod(), request.getRequestURI(), query == null ? "" : query);
    }
}
