package signals.servlet;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * An embedded Jetty 12.1 (EE 11) on a free loopback port, serving web applications from exploded
 * folders with a real {@code WEB-INF/web.xml}, and an HTTP client to call them.
 */
final class Container implements AutoCloseable {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final ContextHandlerCollection contexts = new ContextHandlerCollection();

    private Container() {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(contexts);
    }

    /** Starts a server with one application at {@code /app}. */
    static Container serve(Path folder) throws Exception {
        return serve(folder, webapp -> { });
    }

    /** Starts a server with one application at {@code /app}, configured further before it starts. */
    static Container serve(Path folder, Consumer<WebAppContext> configure) throws Exception {
        Container container = new Container();
        container.add("/app", folder, configure);
        container.server.start();
        return container;
    }

    /** A server with no application yet; {@link #add} some, then {@link #start}. */
    static Container empty() {
        return new Container();
    }

    WebAppContext add(String path, Path folder, Consumer<WebAppContext> configure) {
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath(path);
        webapp.setWar(folder.toString());
        // A filter whose init fails must fail the start, not leave a 503 behind.
        webapp.setThrowUnavailableOnStartupException(true);
        configure.accept(webapp);
        contexts.addHandler(webapp);
        return webapp;
    }

    /** Removes a stopped application from the server, so that nothing of the server keeps it. */
    void remove(WebAppContext webapp) {
        contexts.removeHandler(webapp);
    }

    Container start() throws Exception {
        server.start();
        return this;
    }

    WebAppContext webapp() {
        return (WebAppContext) contexts.getHandlers().get(0);
    }

    ServletContext context() {
        return webapp().getServletContext();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
    }

    int port() {
        return connector.getLocalPort();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(request(path, "none"), HttpResponse.BodyHandlers.ofString());
    }

    /** Calls the path with an {@code X-Id} header, which the {@link Recorder} captures. */
    HttpResponse<String> get(String path, String id) throws IOException, InterruptedException {
        return CLIENT.send(request(path, id), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest request(String path, String id) {
        return HttpRequest.newBuilder(uri(path)).header("X-Id", id).timeout(Duration.ofSeconds(30)).build();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
