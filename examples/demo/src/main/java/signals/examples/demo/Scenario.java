package signals.examples.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import signals.core.spi.SendObserver;
import signals.examples.shop.Pizzeria;
import signals.examples.shop.Shop;
import signals.examples.shop.web.ShopServer;

/**
 * The scripted scenario: uses the shop as its users would, step by step, so that every built-in
 * signal fires, while a {@link SendLog} prints each send. Then checks that the receivers did their
 * work, as seen from the application.
 */
final class Scenario {

    /**
     * What a run found.
     *
     * @param summary the sends, against what had to fire
     * @param failedChecks what the receivers should have done and did not, one sentence each
     */
    record Result(Summary summary, List<String> failedChecks) {

        Result {
            failedChecks = List.copyOf(failedChecks);
        }

        /** True when every required signal fired and every check passed. */
        boolean ok() {
            return summary.notFired().isEmpty() && failedChecks.isEmpty();
        }
    }

    /** Each run gets a database of its own, so that runs in one JVM (tests) do not meet. */
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final PrintStream out;
    private final List<String> failedChecks = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private Scenario(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs the scenario once, printing to {@code out}.
     *
     * @param out where the sends, the steps and the summary go
     * @return what the run found
     * @throws Exception if the shop or its web front fails in a way the scenario did not provoke
     */
    static Result run(PrintStream out) throws Exception {
        Scenario scenario = new Scenario(out);
        SendLog log = new SendLog(out::println);
        SendObserver.Installation observing = SendObserver.install(log);
        try {
            scenario.play();
        } finally {
            observing.close();
        }
        Summary summary = Summary.of(log);
        out.println();
        summary.print(out);
        scenario.failedChecks.forEach(failure -> out.println("CHECK FAILED: " + failure));
        return new Result(summary, scenario.failedChecks);
    }

    private void play() throws Exception {
        step("open the shop: Hibernate boots and creates the tables, the pool opens a connection");
        try (Shop shop = Shop.open("shop-" + RUNS.incrementAndGet())) {
            check("the session's time zone, set on connection_created", "Europe/Rome", shop.sessionTimeZone());

            step("the kitchen: Pizzeria.PIZZA_DONE.send(\"seven\", new PizzaDone(123, 456))");
            Pizzeria.PIZZA_DONE.send("seven", new Pizzeria.PizzaDone(123, 456));

            step("place an order, add a line, change a quantity");
            long ada = shop.addCustomer("Ada");
            long order = shop.placeOrder(ada, "margherita", 2, 850);
            shop.addLine(order, "diavola", 1, 1050);
            shop.changeQuantity(order, "margherita", 3);

            step("tag the order, untag it, clear its tags");
            shop.tag(order, "vegetarian", "spicy", "late");
            shop.untag(order, "late");
            shop.clearTags(order);
            shop.tag(order, "regular");

            try (ShopServer server = ShopServer.start(shop, 0)) {
                step("the web front: GET /orders/" + order + ", forwarded to the order view");
                HttpResponse<String> shown = get(server.uri().resolve("orders/" + order));
                check("GET /orders/" + order + " status", 200, shown.statusCode());
                check("the order page names the customer", true, shown.body().contains("Ada"));

                step("the web front: POST /orders");
                HttpResponse<String> placed = post(server.uri().resolve("orders"),
                        "customer=" + ada + "&pizza=marinara&quantity=1&price=700");
                check("POST /orders status", 201, placed.statusCode());

                step("the web front: GET /oven, a server error");
                check("GET /oven status", 500, get(server.uri().resolve("oven")).statusCode());
            }

            step("delete the order, and its lines with it");
            shop.deleteOrder(order);
            check("the deleted order is gone", true, shop.order(order).isEmpty());
        }
    }

    private void step(String what) {
        out.println();
        out.println("== " + what);
    }

    private void check(String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            failedChecks.add(what + ": expected " + expected + ", was " + actual);
        }
    }

    private HttpResponse<String> get(URI uri) throws InterruptedException {
        return exchange(HttpRequest.newBuilder(uri).GET().build());
    }

    private HttpResponse<String> post(URI uri, String form) throws InterruptedException {
        return exchange(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private HttpResponse<String> exchange(HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        }
    }
}
