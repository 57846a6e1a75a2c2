package signals.examples.shop.web.servlets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import signals.core.Signals;

/** {@code GET /inventory}: {@link Signals#inventory()} as text, who listens to what. */
public final class InventoryServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the servlet; the container calls this, as {@code web.xml} names the class. */
    public InventoryServlet() {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().write(Signals.inventory().toString());
    }
}
