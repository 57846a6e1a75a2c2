package signals.examples.shop.web;

import java.net.URI;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import signals.examples.shop.Shop;

/**
 * The shop's web front: embedded Jetty serving a web application whose {@code WEB-INF/web.xml}
 * declares the servlets (and the signals filter), as a war would, from the shop's own jar.
 *
 * <pre>{@code
 * try (ShopServer server = ShopServer.start(shop, 0)) {
 *     URI orders = server.uri().resolve("orders/1");
 * }
 * }</pre>
 */
public final class ShopServer implements AutoCloseable {

    /** The folder of the web application among the shop's resources; not a package name, so open to all. */
    static final String WEBAPP = "shop-webapp/";

    private final Server server;
    private final URI uri;
    private final LiveFeed feed;

    private ShopServer(Server server, URI uri, LiveFeed feed) {
        this.server = server;
        this.uri = uri;
        this.feed = feed;
    }

    /**
     * Starts the web front on the loopback interface.
     *
     * @param shop the shop the servlets serve
     * @param port the port, or 0 for any free one
     * @return the running server
     * @throws Exception if Jetty does not start; nothing is left running then
     */
    public static ShopServer start(Shop shop, int port) throws Exception {
        return start(shop, port, new LiveFeed());
    }

    /**
     * Starts the web front on the loopback interface with a live feed made beforehand, so that
     * what was sent before the server started (the shop's boot) is counted on the live page too.
     *
     * @param shop the shop the servlets serve
     * @param port the port, or 0 for any free one
     * @param feed the feed that {@code /events} streams; the server closes it when it stops
     * @return the running server
     * @throws Exception if Jetty does not start; nothing is left running then, and the feed is closed
     */
    public static ShopServer start(Shop shop, int port, LiveFeed feed) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);

        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        Resource base = ResourceFactory.of(webapp).newClassLoaderResource(WEBAPP);
        if (base == null) {
            throw new IllegalStateException("the web application " + WEBAPP + " is missing from the class path or module "
                    + ShopServer.class.getModule());
        }
        webapp.setBaseResource(base);
        // The servlets and the filter come from the application's modules, not from WEB-INF/lib.
        webapp.setParentLoaderPriority(true);
        webapp.setThrowUnavailableOnStartupException(true);
        webapp.setAttribute(Shop.class.getName(), shop);
        webapp.setAttribute(LiveFeed.class.getName(), feed);
        server.setHandler(webapp);
        try {
            server.start();
        } catch (Exception | Error e) {
            feed.close();
            server.stop();
            throw e;
        }
        return new ShopServer(server, URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"), feed);
    }

    /**
     * The root of the web application.
     *
     * @return the URI, ending in a slash
     */
    public URI uri() {
        return uri;
    }

    /**
     * The feed that {@code /events} streams to the page.
     *
     * @return the feed, open while the server runs
     */
    public LiveFeed feed() {
        return feed;
    }

    /** Ends the live pages' streams and stops the server. */
    @Override
    public void close() {
        feed.close();
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping Jetty", e);
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }
}
