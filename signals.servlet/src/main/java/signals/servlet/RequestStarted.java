package signals.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * The payload of {@link RequestSignals#REQUEST_STARTED}.
 *
 * @param request the client request, as the filter received it; never null. Valid only while the
 *     receiver runs: the container recycles it after the response
 * @since 0.1
 */
public record RequestStarted(HttpServletRequest request) {

    /**
     * Checks the component.
     *
     * @param request the request, not null
     * @throws NullPointerException if the request is null
     */
    public RequestStarted {
        Objects.requireNonNull(request, "request");
    }
}
