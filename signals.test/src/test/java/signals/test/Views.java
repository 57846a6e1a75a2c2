package signals.test;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** An embedded Jetty 12.1 serving src/test/webapp, whose page renders views; its servlets. */
final class Views implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    Views() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/app");
        webapp.setWar(Path.of("src/test/webapp").toAbsolutePath().toString());
        webapp.setThrowUnavailableOnStartupException(true);
        server.setHandler(webapp);
        server.start();
    }

    /** Calls {@code /app/page} with a query such as {@code "views=order,footer&how=include"}. */
    String get(String query) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/app/page?" + query);
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Sets attributes, then forwards to or includes each view named in {@code views}. */
    public static class Page extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
            request.setAttribute("customer", "Ada");
            String views = request.getParameter("views");
            if (views == null) {
                response.getWriter().write("no view");
                return;
            }
            int order = 42;
            for (String view : views.split(",")) {
                request.setAttribute("order", order++);
                if ("include".equals(request.getParameter("how"))) {
                    request.getRequestDispatcher("/views/" + view).include(request, response);
                } else {
                    request.getRequestDispatcher("/views/" + view).forward(request, response);
                    return;
                }
            }
        }
    }

    /** A view: writes its name and two attributes of its context. */
    public static class View extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().write(request.getPathInfo() + " " + request.getAttribute("order") + " for "
                    + request.getAttribute("customer") + ";");
        }
    }
}
