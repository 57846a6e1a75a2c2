package signals.servlet;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * An embedded servlet container on a free loopback port that serves one exploded web application
 * at {@code /app}, so that the same test runs in each {@link Vendor}'s container.
 */
interface WebServer extends AutoCloseable {

    /** The containers this module is tested in. */
    enum Vendor {
        /** Jetty 12.1, EE 11. */
        JETTY,
        /** Tomcat 11. */
        TOMCAT;

        /**
         * Starts this vendor's container, with no application yet; a test in Tomcat is skipped,
         * saying why, when this module runs on the module path.
         */
        WebServer start() throws Exception {
            if (this == JETTY) {
                return new JettyServer();
            }
            // tomcat-embed-core is the named module org.apache.tomcat.embed.core and carries the
            // Servlet API itself, so no module graph holds both it and signals.servlet, which
            // requires jakarta.servlet; and Tomcat creates service providers from META-INF/services
            // alone, which an unexported package refuses. Tomcat runs WEB-INF/lib on the class path.
            Assumptions.assumeFalse(SignalsFilter.class.getModule().isNamed(),
                    "Tomcat runs signals.servlet on the class path only: the class-path run tests it");
            return new TomcatServer();
        }
    }

    /**
     * Deploys the folder, whose {@code WEB-INF/web.xml} declares the filter, at {@code /app} and
     * starts it; fails if it did not start.
     *
     * @param ownLibrary whether the application carries signals itself in its {@code WEB-INF/lib},
     *     and must load it from there rather than from the container's class path
     * @param attributes set on the application's context before its filters start
     */
    void deploy(Path folder, boolean ownLibrary, Map<String, Object> attributes) throws Exception;

    /** Deploys a folder whose classes come from the test's own class path. */
    default void deploy(Path folder) throws Exception {
        deploy(folder, false, Map.of());
    }

    /**
     * Stops the application and removes it from the container, as a container's deployer does
     * before it deploys a new version.
     *
     * @return the application's class loader, held weakly
     */
    WeakReference<ClassLoader> undeploy() throws Exception;

    /** The servlet context of the application at {@code /app}: the sender of its request signals. */
    ServletContext context();

    int port();

    default URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** Calls the path with an {@code X-Id} header, which the {@link Recorder} captures. */
    default HttpResponse<String> get(String path, String id) throws IOException, InterruptedException {
        return Container.CLIENT.send(HttpRequest.newBuilder(uri(path)).header("X-Id", id)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
