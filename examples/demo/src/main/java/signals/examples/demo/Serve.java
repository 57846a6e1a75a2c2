package signals.examples.demo;

import java.io.PrintStream;
import java.net.URI;
import signals.core.spi.SendObserver;
import signals.examples.shop.Shop;
import signals.examples.shop.web.LiveFeed;
import signals.examples.shop.web.ShopServer;

/**
 * The shop kept up for a person (or a browser test) to use: every send is printed and pushed to
 * the live page at {@link #uri()}.
 */
final class Serve implements AutoCloseable {

    private final Shop shop;
    private final ShopServer server;
    private final SendObserver.Installation printing;
    private final SendObserver.Installation publishing;

    private Serve(Shop shop, ShopServer server, SendObserver.Installation printing, SendObserver.Installation publishing) {
        this.shop = shop;
        this.server = server;
        this.printing = printing;
        this.publishing = publishing;
    }

    /**
     * Opens the shop and its web front on the loopback interface.
     *
     * @param port the port, 0 for any free one
     * @param out where each send is printed too
     * @return the running shop
     * @throws Exception if the shop or Jetty does not start; nothing is left running then
     */
    static Serve start(int port, PrintStream out) throws Exception {
        // Observing before the shop opens, so that the page counts its boot's signals too.
        LiveFeed feed = new LiveFeed();
        SendObserver.Installation printing = SendObserver.install(new SendLog(out::println));
        SendObserver.Installation publishing = SendObserver.install((signal, sender, payload) -> {
            feed.publish(new LiveFeed.Sent(signal.name(), SendLog.describe(sender), SendLog.details(SendLog.fields(payload))));
            return true;
        });
        Shop shop = null;
        try {
            shop = Shop.open("shop-live");
            return new Serve(shop, ShopServer.start(shop, port, feed), printing, publishing);
        } catch (Exception | Error e) {
            publishing.close();
            printing.close();
            feed.close();
            if (shop != null) {
                shop.close();
            }
            throw e;
        }
    }

    /** The live page's address, on the loopback interface. */
    URI uri() {
        return server.uri();
    }

    @Override
    public void close() {
        publishing.close();
        printing.close();
        try {
            server.close();
        } finally {
            shop.close();
        }
    }
}
