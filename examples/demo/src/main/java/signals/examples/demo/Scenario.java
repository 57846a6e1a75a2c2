package signals.examples.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import signals.core.spi.SendObserver;
import signals.examples.shop.AuditLog;
import signals.examples.shop.Metrics;
import signals.examples.shop.Pizzeria;
import signals.examples.shop.RequestTimes;
import signals.examples.shop.Shop;
import signals.examples.shop.web.ShopServer;
import signals.test.Settings;
import signals.test.OverriddenSettings;

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

    /** How long a web request's end may take to be sent after the client has its response. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final PrintStream out;
    private final SendLog log;
    private final List<String> failedChecks = new ArrayList<>();
    private int requests;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private Scenario(PrintStream out) {
        this.out = out;
        this.log = new SendLog(out::println);
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
        SendObserver.Installation observing = SendObserver.install(scenario.log);
        try {
            scenario.play();
        } finally {
            observing.close();
        }
        Summary summary = Summary.of(scenario.log);
        out.println();
        summary.print(out);
        scenario.failedChecks.forEach(failure -> out.println("CHECK FAILED: " + failure));
        return new Result(summary, scenario.failedChecks);
    }

    private void play() throws Exception {
        step("open the shop: Hibernate boots and creates the tables, the pool opens a connection");
        int run = RUNS.incrementAndGet();
        try (Shop shop = Shop.open(run == 1 ? "shop" : "shop-" + run)) {
            check("the session's time zone, set on connection_created", "Europe/Rome", shop.sessionTimeZone());

            step("the kitchen: Pizzeria.PIZZA_DONE.send(\"seven\", new PizzaDone(123, 456))");
            Pizzeria.PIZZA_DONE.send("seven", new Pizzeria.PizzaDone(123, 456));

            step("place an order (saves that create), add a line, change a quantity (saves that update)");
            long ada = shop.addCustomer("Ada");
            long order = shop.placeOrder(ada, "margherita", 2, 850);
            shop.addLine(order, "diavola", 1, 1050);
            shop.changeQuantity(order, "margherita", 3);
            check("the order's total, kept by a post_save receiver", 3 * 850L + 1050L,
                    shop.order(order).orElseThrow().totalCents());

            step("tag the order, untag it, clear its tags; its tags are read through a cache each time");
            shop.tag(order, "Vegetarian", "spicy", "late");
            check("the tags, normalised on pre_save", List.of("late", "spicy", "vegetarian"), shop.tagNames(order));
            shop.untag(order, "late");
            check("the tags after a remove, the cache invalidated on m2m_changed", List.of("spicy", "vegetarian"),
                    shop.tagNames(order));
            shop.clearTags(order);
            check("the tags after a clear", List.of(), shop.tagNames(order));
            shop.tag(order, "regular");

            int timed = RequestTimes.timings().size();
            long rendered = Metrics.get("rendered /views/order.html");
            try (ShopServer server = ShopServer.start(shop, 0)) {
                step("the web front: GET /orders/" + order + ", forwarded to the order view");
                HttpResponse<String> shown = get(server.uri().resolve("orders/" + order));
                check("GET /orders/" + order + " status", 200, shown.statusCode());
                check("the order page shows the total", true, shown.body().contains("36.00"));

                step("the web front: POST /orders");
                HttpResponse<String> placed = post(server.uri().resolve("orders"),
                        "customer=" + ada + "&pizza=marinara&quantity=1&price=700");
                check("POST /orders status", 201, placed.statusCode());

                step("the web front: GET /oven, a server error");
                check("GET /oven status", 500, get(server.uri().resolve("oven")).statusCode());
            }
            check("requests timed between request_started and request_finished", 3, RequestTimes.timings().size() - timed);
            check("views rendered, counted on template_rendered", 2L, Metrics.get("rendered /views/order.html") - rendered);

            step("a test's setting override: Settings.override(\"" + Shop.CURRENCY + "\", \"CHF\")");
            check("the price list before", "margherita 8.50 EUR", shop.priceList().get(1));
            OverriddenSettings francs = Settings.override(Shop.CURRENCY, "CHF");
            try {
                check("the price list in the override, the cache invalidated on setting_changed", "margherita 8.50 CHF",
                        shop.priceList().get(1));
            } finally {
                francs.close();
            }
            check("the price list after", "margherita 8.50 EUR", shop.priceList().get(1));

            step("delete the order, and its lines with it");
            shop.deleteOrder(order);
            check("the deleted order is gone", true, shop.order(order).isEmpty());
            check("the audit trail, written on post_delete", true, AuditLog.lines().containsAll(List.of(
                    "deleted Order#" + order, "deleted OrderLine#1 3x margherita (cascaded from Order#" + order + ")")));
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
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        }
        // The server sends request_finished once the response is complete, which may be after the
        // client read it: wait, so that the request's sends print under its step.
        requests++;
        if (!log.awaitCount(new SendLog.Key("request_finished", null), requests, PATIENCE)) {
            failedChecks.add("no request_finished for " + request.method() + " " + request.uri()
                    + " within " + PATIENCE.toSeconds() + " s");
        }
        return response;
    }
}
