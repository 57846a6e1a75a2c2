package signals.examples.shop.web.servlets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serial;
import signals.examples.shop.Pizzeria;

/**
 * {@code POST /kitchen}: a pizza comes out of the oven, and the kitchen sends the shop's own
 * signal, as Django's documentation does: {@code pizza_done.send(sender="seven", toppings=123, size=456)}.
 */
public final class KitchenServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the servlet; the container calls this, as {@code web.xml} names the class. */
    public KitchenServlet() {
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        Pizzeria.PIZZA_DONE.send("seven", new Pizzeria.PizzaDone(123, 456));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
