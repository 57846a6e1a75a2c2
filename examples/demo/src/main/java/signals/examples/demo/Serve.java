package signals.examples.demo;

import java.io.PrintStream;
import java.net.URI;
import signals.core.spi.SendObserver;
import signals.examples.shop.Shop;
import signals.examples.shop.web.ShopServer;

/**
 * The shop kept up for a person (or a browser test) to use: every send is printed and pushed to
 * the live page at {@link #uri()}.
 */
final class Serve implements AutoCloseable {

    private final Shop shop;
    private final ShopServer server;
    private final SendObserver.Installation observing;

    private Serve(Shop shop, ShopServer server, SendObserver.Installation observing) {
        this.shop = shop;
        this.server = server;
        this.observing = observing;
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
        Shop shop = Shop.open("shop-live");
        try {
            ShopServer server = ShopServer.start(shop, port);
            SendObserver.Installation observing = SendObserver.install(new SendLog(line -> {
                out.println(line);
                server.feed().publish(line);
            }));
            return new Serve(shop, server, observing);
        } catch (Exception | Error e) {
            shop.close();
            throw e;
        }
    }

    /** The live page's address, on the loopback interface. */
    URI uri() {
        return server.uri();
    }

    @Override
    public void close() {
        observing.close();
        try {
            server.close();
        } finally {
            shop.close();
        }
    }
}
