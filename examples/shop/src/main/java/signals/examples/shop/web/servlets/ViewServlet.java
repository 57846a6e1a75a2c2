package signals.examples.shop.web.servlets;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The view: renders {@code WEB-INF/views/<name>} for a request forwarded to {@code /views/<name>},
 * replacing each {@code {{attribute}}} with the request attribute of that name, HTML-escaped.
 * Requests that come straight from a client get 404: views are reached only through a forward.
 */
public final class ViewServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    /** Creates the servlet; the container calls this, as {@code web.xml} names the class. */
    public ViewServlet() {
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String name = request.getPathInfo();
        if (request.getDispatcherType() != DispatcherType.FORWARD || name == null || name.contains("..")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String template;
        try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/views" + name)) {
            if (in == null) {
                throw new ServletException("no view /WEB-INF/views" + name);
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder page = new StringBuilder();
        while (placeholder.find()) {
            Object value = request.getAttribute(placeholder.group(1));
            placeholder.appendReplacement(page, Matcher.quoteReplacement(escape(value == null ? "" : value.toString())));
        }
        placeholder.appendTail(page);
        response.setContentType("text/html;charset=utf-8");
        response.getWriter().write(page.toString());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
