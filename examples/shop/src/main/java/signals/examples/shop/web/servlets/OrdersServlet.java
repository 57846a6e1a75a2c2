package signals.examples.shop.web.servlets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.util.NoSuchElementException;
import java.util.Optional;
import signals.examples.shop.OrderSummary;
import signals.examples.shop.Shop;

/**
 * The orders, as a controller that forwards to the {@code order.html} view:
 * <ul>
 *   <li>{@code GET /orders/{id}} shows an order;</li>
 *   <li>{@code POST /orders} places one (parameters {@code customer}, an id, or {@code name} for a
 *       new customer; {@code pizza}, {@code quantity}, {@code price} in cents), answers 201 with
 *       its {@code Location} and shows it;</li>
 *   <li>{@code POST /orders/{id}/tags} changes its tags ({@code action} {@code add},
 *       {@code remove} or {@code clear}; {@code tag});</li>
 *   <li>{@code DELETE /orders/{id}} deletes it, with its lines.</li>
 * </ul>
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
        String path = request.getPathInfo();
        try {
            if (path == null || path.equals("/")) {
                place(request, response);
            } else if (path.endsWith("/tags")) {
                retag(request, response);
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (IllegalArgumentException e) {
            // A parameter missing or not a number: nothing was written (see place).
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        } catch (NoSuchElementException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> id = orderId(request);
        try {
            shop().deleteOrder(id.orElseThrow());
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (NoSuchElementException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such order");
        }
    }

    /**
     * Reads and checks every parameter before the shop is asked anything: one request is one
     * transaction, so a rejected order leaves nothing behind, not even a new customer.
     */
    private void place(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String customer = request.getParameter("customer");
        Long customerId = customer == null ? null : number(request, "customer", 1);
        String name = customerId == null ? required(request, "name") : null;
        String pizza = required(request, "pizza");
        int quantity = Math.toIntExact(number(request, "quantity", 1));
        long price = number(request, "price", 0);

        Shop shop = shop();
        long id = customerId != null
                ? shop.placeOrder(customerId, pizza, quantity, price)
                : shop.placeOrderForNewCustomer(name, pizza, quantity, price);
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.setHeader("Location", request.getContextPath() + "/orders/" + id);
        show(shop.order(id).orElseThrow(), request, response);
    }

    private void retag(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id = Long.parseLong(request.getPathInfo().substring(1, request.getPathInfo().length() - "/tags".length()));
        String action = required(request, "action");
        switch (action) {
            case "add" -> shop().tag(id, required(request, "tag"));
            case "remove" -> shop().untag(id, required(request, "tag"));
            case "clear" -> shop().clearTags(id);
            default -> {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "action must be add, remove or clear, not " + action);
                return;
            }
        }
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().write(String.join(", ", shop().tagNames(id)));
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

    private static String required(HttpServletRequest request, String parameter) {
        String value = request.getParameter(parameter);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing parameter " + parameter);
        }
        return value;
    }

    /** A whole number of at least {@code least}, or an {@link IllegalArgumentException} naming the parameter. */
    private static long number(HttpServletRequest request, String parameter, long least) {
        String value = required(request, parameter);
        long number;
        try {
            number = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(parameter + " must be a whole number, not \"" + value + "\"", e);
        }
        if (number < least || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(parameter + " must be between " + least + " and " + Integer.MAX_VALUE
                    + ", not " + number);
        }
        return number;
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
