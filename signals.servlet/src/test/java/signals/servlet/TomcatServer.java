package signals.servlet;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Constants;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * The Tomcat 11 {@link WebServer}: an embedded Tomcat that deploys each application the way its
 * host's deployer does, with a {@link ContextConfig} that reads {@code WEB-INF/web.xml} and finds
 * the {@code ServletContainerInitializer}s, and the web application class loader Tomcat gives
 * every application (which looks in {@code WEB-INF/lib} before its parent).
 */
final class TomcatServer implements WebServer {

    /**
     * Tomcat's start and stop messages at INFO would bury the test output, and so would the
     * exceptions the tests make servlets throw; other warnings, leak reports and failed starts
     * included, stay. Held here because the log manager holds loggers weakly.
     */
    private static final List<Logger> QUIETER = List.of(
            quieter("org.apache", Level.WARNING),
            // The valves log what a servlet threw through the logger of the host and its applications.
            quieter("org.apache.catalina.core.ContainerBase.[Tomcat].[localhost]", Level.OFF));

    private final Tomcat tomcat = new Tomcat();
    private final Connector connector = new Connector();
    private StandardContext application;

    TomcatServer() throws IOException, LifecycleException {
        Files.createDirectories(Path.of("target"));
        tomcat.setBaseDir(Files.createTempDirectory(Path.of("target"), "tomcat-").toString());
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.getHost().setAutoDeploy(false);
        tomcat.start();
    }

    @Override
    public void deploy(Path folder, boolean ownLibrary, Map<String, Object> attributes) throws Exception {
        // ownLibrary needs nothing here: Tomcat's application class loader looks in WEB-INF/lib
        // first for every class outside the Servlet API and Tomcat itself.
        StandardContext context = new StandardContext();
        context.setName("/app");
        context.setPath("/app");
        context.setDocBase(folder.toAbsolutePath().toString());
        ContextConfig config = new ContextConfig();
        // No conf/web.xml of the installation: it would add the JSP servlet, which is not in tomcat-embed-core.
        config.setDefaultWebXml(Constants.NoDefaultWebXml);
        context.addLifecycleListener(config);
        addDefaultServlet(context);
        // The test's class path is Maven's, JUnit's and Jetty's: nothing a Tomcat's own lib folder holds.
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        context.setJarScanner(scanner);
        context.addServletContainerInitializer((classes, servletContext) -> attributes.forEach(servletContext::setAttribute),
                null);
        tomcat.getHost().addChild(context);
        if (!context.getState().isAvailable()) {
            throw new IllegalStateException("Tomcat did not start " + folder + ": " + context.getState());
        }
        application = context;
    }

    /**
     * The one servlet of a Tomcat installation's {@code conf/web.xml} that matters here: mapped to
     * {@code /}, it answers the paths no servlet of the application maps. Without it Tomcat sends
     * their 404 before any filter runs.
     */
    private static void addDefaultServlet(Context context) {
        Wrapper servlet = context.createWrapper();
        servlet.setName("default");
        servlet.setServletClass(DefaultServlet.class.getName());
        servlet.setOverridable(true);
        context.addChild(servlet);
        context.addServletMapping("/", "default");
    }

    @Override
    public WeakReference<ClassLoader> undeploy() {
        StandardContext stopping = application;
        application = null;
        WeakReference<ClassLoader> loader = new WeakReference<>(stopping.getLoader().getClassLoader());
        // Stops and destroys the context, as Tomcat's HostConfig does when it undeploys a web application.
        tomcat.getHost().removeChild(stopping);
        return loader;
    }

    @Override
    public ServletContext context() {
        return application.getServletContext();
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    private static Logger quieter(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }

    @Override
    public String toString() {
        return "Tomcat 11";
    }
}
