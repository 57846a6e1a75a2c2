package signals.servlet.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import signals.jdbc.SignalsDriver;

/**
 * The servlet of the test web application in {@code WEB-INF/lib}. At {@code /driver} it uses the
 * {@code jdbc:signals:} driver, which registers the application's copy with {@code DriverManager}.
 */
@SuppressWarnings("serial")
public final class AppServlet extends HttpServlet {

    /** Called by the container. */
    public AppServlet() {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer = "hello";
        if ("/driver".equals(request.getServletPath())) {
            try {
                answer = String.valueOf(new SignalsDriver().acceptsURL("jdbc:signals:h2:mem:"));
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
        response.getWriter().print(answer);
    }
}
