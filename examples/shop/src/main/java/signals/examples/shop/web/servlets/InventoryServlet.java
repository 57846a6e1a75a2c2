package signals.examples.shop.web.servlets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import signals.core.Inventory;
import signals.core.Signals;
import signals.examples.shop.web.Json;
import signals.examples.shop.web.LiveFeed;

/**
 * {@code GET /inventory}: {@link Signals#inventory()}, who listens to what, as JSON for the live
 * page, with how many sends each signal has had. {@code GET /inventory?text} gives the inventory's
 * own text, as {@code System.out.println(Signals.inventory())} prints it.
 *
 * <pre>{@code
 * {"last": 42,
 *  "adapters": [{"type": "...", "host": "JDBC: ...", "signals": ["connection_created"]}, ...],
 *  "signals": [{"name": "post_save", "payloadType": "...", "firedBy": "signals.jpa", "adapterFound": true,
 *               "sent": 3, "receivers": [{"receiver": "'...' (lambda in ...)", "sender": "...",
 *                                         "dispatchUid": null, "origin": "..."}]}, ...]}
 * }</pre>
 *
 * {@code last} is the number of the last send counted in {@code sent}: the page adds only the
 * live feed's sends numbered above it.
 */
public final class InventoryServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the servlet; the container calls this, as {@code web.xml} names the class. */
    public InventoryServlet() {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Inventory inventory = Signals.inventory();
        if (request.getParameter("text") != null) {
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().write(inventory.toString());
            return;
        }
        LiveFeed feed = (LiveFeed) getServletContext().getAttribute(LiveFeed.class.getName());
        LiveFeed.Counts counts = feed == null ? new LiveFeed.Counts(0, Map.of()) : feed.counts();
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.getWriter().write("{\"last\":" + counts.last()
                + ",\"adapters\":" + array(inventory.adapters(), InventoryServlet::adapter)
                + ",\"signals\":" + array(inventory.signals(), signal -> signal(signal, counts)) + "}");
    }

    private static String adapter(Inventory.Adapter adapter) {
        return "{\"type\":" + Json.string(adapter.type())
                + ",\"host\":" + Json.string(adapter.host())
                + ",\"signals\":" + array(adapter.signals(), Json::string) + "}";
    }

    private static String signal(Inventory.SignalEntry signal, LiveFeed.Counts counts) {
        return "{\"name\":" + Json.string(signal.name())
                + ",\"payloadType\":" + Json.string(signal.payloadType())
                + ",\"firedBy\":" + Json.string(signal.firedBy())
                + ",\"adapterFound\":" + signal.adapterFound()
                + ",\"sent\":" + counts.bySignal().getOrDefault(signal.name(), 0L)
                + ",\"receivers\":" + array(signal.receivers(), InventoryServlet::receiver) + "}";
    }

    private static String receiver(Inventory.ReceiverEntry receiver) {
        return "{\"receiver\":" + Json.string(receiver.receiver())
                + ",\"sender\":" + Json.string(receiver.sender())
                + ",\"dispatchUid\":" + Json.string(receiver.dispatchUid())
                + ",\"phase\":" + Json.string(receiver.phase())
                + ",\"origin\":" + Json.string(receiver.origin()) + "}";
    }

    private static <T> String array(List<T> items, Function<T, String> json) {
        return items.stream().map(json).collect(Collectors.joining(",", "[", "]"));
    }
}
