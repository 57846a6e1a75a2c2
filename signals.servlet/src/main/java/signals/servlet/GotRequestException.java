package signals.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * The payload of {@link RequestSignals#GOT_REQUEST_EXCEPTION}.
 *
 * @param request the client request that failed; never null. Valid only while the receiver runs
 * @param exception what the filter chain threw, or what the asynchronous cycle failed with,
 *     unchanged; never null
 * @since 0.1
 */
public record GotRequestException(HttpServletRequest request, Throwable exception) {

    /**
     * Checks the components.
     *
     * @param request the request, not null
     * @param exception the exception, not null
     * @throws NullPointerException if the request or the exception is null
     */
    public GotRequestException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(exception, "exception");
    }
}
