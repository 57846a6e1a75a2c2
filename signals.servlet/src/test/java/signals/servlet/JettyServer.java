package signals.servlet;

import jakarta.servlet.ServletContext;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.ee11.webapp.WebAppContext;

/** The Jetty 12.1 {@link WebServer}: the Jetty tests' own {@link Container}, one application at a time. */
final class JettyServer implements WebServer {

    private final Container container;

    JettyServer() throws Exception {
        container = Container.empty().start();
    }

    @Override
    public void deploy(Path folder, boolean ownLibrary, Map<String, Object> attributes) throws Exception {
        WebAppContext webapp = container.add("/app", folder, added -> attributes.forEach(added::setAttribute));
        if (ownLibrary) {
            // Jetty's default parent is the test's class path, which has signals too: hide it.
            ContainerLoader.isolate(webapp);
        }
        webapp.start();
    }

    @Override
    public WeakReference<ClassLoader> undeploy() throws Exception {
        WebAppContext webapp = container.webapp();
        WeakReference<ClassLoader> loader = new WeakReference<>(webapp.getClassLoader());
        webapp.stop();
        container.remove(webapp);
        return loader;
    }

    @Override
    public ServletContext context() {
        return container.context();
    }

    @Override
    public int port() {
        return container.port();
    }

    @Override
    public void close() throws Exception {
        container.close();
    }

    @Override
    public String toString() {
        return "Jetty 12.1";
    }
}
