package signals.examples.shop.web.servlets;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import signals.examples.shop.web.LiveFeed;

/** {@code GET /events}: the live feed, as server-sent events, for as long as the page stays open. */
public final class EventsServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the servlet; the container calls this, as {@code web.xml} names the class. */
    public EventsServlet() {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        LiveFeed feed = (LiveFeed) getServletContext().getAttribute(LiveFeed.class.getName());
        if (feed == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no live feed: start the example with --serve");
            return;
        }
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        AsyncContext listener = request.startAsync();
        listener.setTimeout(0);
        response.flushBuffer();
        feed.listen(listener);
    }
}
