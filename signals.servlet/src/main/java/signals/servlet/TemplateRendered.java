package signals.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Objects;

/**
 * The payload of {@link RequestSignals#TEMPLATE_RENDERED}: what Django's test client reads as
 * {@code response.templates} and {@code response.context}.
 *
 * @param template the view's path within the application, such as {@code "/WEB-INF/views/order.jsp"};
 *     never null
 * @param context the request attributes when the view was called, by name: a copy that later
 *     changes do not reach, unmodifiable; never null
 * @param request the request forwarded or included; never null. Valid only while the receiver runs
 * @since 0.1
 */
public record TemplateRendered(String template, Map<String, Object> context, HttpServletRequest request) {

    /**
     * Checks the components and copies the context.
     *
     * @param template the view's path, not null
     * @param context the request attributes, not null, without null keys or values
     * @param request the request, not null
     * @throws NullPointerException if an argument is null, or the context holds a null
     */
    public TemplateRendered {
        Objects.requireNonNull(template, "template");
        context = Map.copyOf(Objects.requireNonNull(context, "context"));
        Objects.requireNonNull(request, "request");
    }
}
