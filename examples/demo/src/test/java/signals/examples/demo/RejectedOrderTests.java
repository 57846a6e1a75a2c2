package signals.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import signals.examples.shop.Shop;
import signals.examples.shop.web.ShopServer;

/**
 * Bad input on the web front: one request is one transaction, so a request the shop rejects
 * leaves nothing behind. Before, {@code quantity=abc} was answered 400 after the new customer had
 * been saved, and every rejected order left a customer.
 */
class RejectedOrderTests {

    private static Shop shop;
    private static ShopServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void openTheShop() throws Exception {
        shop = Shop.open("shop-rejected");
        server = ShopServer.start(shop, 0);
    }

    @AfterAll
    static void closeTheShop() {
        try {
            server.close();
        } finally {
            shop.close();
        }
    }

    private static HttpResponse<String> order(String form) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(URI.create("orders")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anOrderWhoseQuantityIsNotANumberIsAnswered400AndLeavesNoCustomerBehind() throws Exception {
        long customers = shop.customerCount();
        long orders = shop.orderCount();

        HttpResponse<String> rejected = order("name=Zoe&pizza=margherita&quantity=abc&price=850");

        assertEquals(400, rejected.statusCode());
        assertTrue(rejected.body().contains("quantity must be a whole number, not &quot;abc&quot;")
                || rejected.body().contains("quantity must be a whole number, not \"abc\""), rejected.body());
        assertEquals(customers, shop.customerCount(), "customers");
        assertEquals(orders, shop.orderCount(), "orders");
    }

    @Test
    void aHundredRejectedOrdersLeaveNothing() throws Exception {
        long customers = shop.customerCount();

        for (int i = 0; i < 100; i++) {
            assertEquals(400, order("name=Zoe" + i + "&pizza=margherita&quantity=" + (i % 2 == 0 ? "abc" : "0") + "&price=850")
                    .statusCode());
        }

        assertEquals(customers, shop.customerCount());
    }

    @Test
    void aMissingParameterIsNamedAndLeavesNothing() throws Exception {
        long customers = shop.customerCount();

        HttpResponse<String> rejected = order("name=Zoe&pizza=margherita&quantity=2");

        assertEquals(400, rejected.statusCode());
        assertTrue(rejected.body().contains("missing parameter price"), rejected.body());
        assertEquals(customers, shop.customerCount());
    }

    @Test
    void aGoodOrderSavesTheNewCustomerAndTheOrderTogether() throws Exception {
        long customers = shop.customerCount();
        long orders = shop.orderCount();

        HttpResponse<String> placed = order("name=Zoe&pizza=margherita&quantity=2&price=850");

        assertEquals(201, placed.statusCode(), placed.body());
        assertEquals(customers + 1, shop.customerCount());
        assertEquals(orders + 1, shop.orderCount());
    }
}
