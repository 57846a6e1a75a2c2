package signals.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;

/**
 * The payload of {@link RequestSignals#REQUEST_FINISHED}.
 *
 * @param request the client request, the same object {@link RequestStarted#request()} carried;
 *     never null. Valid only while the receiver runs
 * @param response its response, whose {@link HttpServletResponse#getStatus() status} is known;
 *     never null
 * @since 0.1
 */
public record RequestFinished(HttpServletRequest request, HttpServletResponse response) {

    /**
     * Checks the components.
     *
     * @param request the request, not null
     * @param response the response, not null
     * @throws NullPointerException if the request or the response is null
     */
    public RequestFinished {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
    }
}
