package signals.examples.shop.web.servlets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.util.Optional;
import signals.examples.shop.OrderSummary;
import signals.examples.shop.Shop;

/**
 * {@code GET /orders/{id}} shows an order; {@code POST /orders} places one (parameters
 * {@code customer}, {@code pizza}, {@code quantity}, {@code price} in cents) and shows it. Both
 * forward to the {@code order.html} view, as a controller forwards to a template.
 */
public final class OrdersServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the servlet; the container calls this, as {@code web.xml} names the class. */
    public OrdersServlet() {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Optional<OrderSummary> order = orderId(request).flatMap(shop()::order);
        if (order.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such order");
            return;
        }
        show(order.get(), request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Shop shop = shop();
        long id;
        try {
            id = shop.placeOrder(
                    Long.parseLong(request.getParameter("customer")),
                    request.getParameter("pizza"),
                    Integer.parseInt(request.getParameter("quantity")),
                    Long.parseLong(request.getParameter("price")));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "customer, quantity and price must be numbers");
            return;
        }
        response.setStatus(HttpServletResponse.SC_CREATED);
        show(shop.order(id).orElseThrow(), request, response);
    }

    private static void show(OrderSummary order, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.setAttribute("id", order.id());
        request.setAttribute("customer", order.customer());
        request.setAttribute("lines", String.join(", ", order.lines()));
        request.setAttribute("total", String.format("%d.%02d", order.totalCents() / 100, order.totalCents() % 100));
        request.setAttribute("tags", String.join(", ", order.tags()));
        request.getRequestDispatcher("/views/order.html").forward(request, response);
    }

    private static Optional<Long> orderId(HttpServletRequest request) {
        String path = request.getPathInfo();
        try {
            return path == null ? Optional.empty() : Optional.of(Long.parseLong(path.substring(1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Shop shop() {
        return (Shop) getServletContext().getAttribute(Shop.class.getName());
    }
}
