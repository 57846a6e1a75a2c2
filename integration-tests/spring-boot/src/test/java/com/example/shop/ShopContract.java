package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.sender;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import signals.core.SignalConnection;
import signals.jpa.ModelSignals;
import signals.jpa.PostSave;

/**
 * What a Boot application gets from signals with nothing but the dependencies: the model signals
 * from Boot's own EntityManagerFactory, the request signals from the filter Boot registered, and
 * receivers that are beans. Real HTTP to the embedded Tomcat on a random port, real Hibernate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ShopContract {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    Mailer mailer;
    @Autowired
    RequestLog requestLog;

    @Test
    void aCustomerSavedThroughTheRepositoryIsWelcomedByTheMailerBean() throws Exception {
        String email = unique() + "@example.com";
        HttpResponse<String> response = send("POST", "/customers?name=Ada&email=" + email);
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(mailer.sent().contains(email + ": Welcome, Ada"), () -> "sent: " + mailer.sent());
    }

    @Test
    void aChangeCommittedByATransactionalServiceIsAPostSaveThatCreatesNothing() throws Exception {
        String id = send("POST", "/customers?name=Grace&email=" + unique() + "@example.com").body();
        List<PostSave<?>> saves = new CopyOnWriteArrayList<>();
        String changed = unique() + "@example.org";
        try (SignalConnection ignored = ModelSignals.POST_SAVE.connect((signal, sender, save) -> saves.add(save),
                sender(Customer.class))) {
            assertEquals(200, send("PUT", "/customers/" + id + "/email?email=" + changed).statusCode());
        }
        assertEquals(1, saves.size(), () -> "post_save: " + saves);
        assertEquals(false, saves.get(0).created());
        assertEquals(changed, ((Customer) saves.get(0).instance()).getEmail());
        assertTrue(mailer.sent().stream().noneMatch(mail -> mail.startsWith(changed)), () -> "sent: " + mailer.sent());
    }

    @Test
    void taggingACustomerIsAnM2mChangedOnBootsHibernate() throws Exception {
        String id = send("POST", "/customers?name=Barbara&email=" + unique() + "@example.com").body();
        List<String> changes = new CopyOnWriteArrayList<>();
        try (SignalConnection ignored = ModelSignals.M2M_CHANGED.connect((signal, sender, change) ->
                changes.add(sender + " " + change.action() + " " + change.pkSet()))) {
            assertEquals(200, send("PUT", "/customers/" + id + "/tags/vip").statusCode());
        }
        String association = Customer.class.getName() + ".tags";
        assertEquals(List.of(association + " PRE_ADD [vip]", association + " POST_ADD [vip]"), changes);
    }

    @Test
    void eachRequestStartsAndFinishesOnceThroughTheFilterBootRegistered() throws Exception {
        String id = send("POST", "/customers?name=Edsger&email=" + unique() + "@example.com").body();
        String path = "/customers/" + id + "/email";
        assertEquals(200, send("PUT", path + "?email=" + unique() + "@example.net").statusCode());
        List<String> expected = List.of("started " + path, "finished " + path + " 200");
        eventually(() -> linesAbout(path), expected);
    }

    @Test
    void anExceptionThatLeavesTheControllerIsAGotRequestExceptionAndTheRequestStillFinishesOnce() throws Exception {
        int before = linesAbout("/broken").size();
        HttpResponse<String> response = send("GET", "/broken");
        assertEquals(500, response.statusCode());
        // The status request_finished sees is not asserted: the filter sends it when the exception
        // leaves the chain, and Tomcat sets the 500 after that, on its way to Boot's error page.
        List<String> expected = List.of("started /broken", "failed /broken: the shop is on fire", "finished /broken");
        eventually(() -> {
            List<String> lines = linesAbout("/broken");
            return lines.subList(Math.min(before, lines.size()), lines.size()).stream()
                    .map(line -> line.replaceFirst("^(finished \\S+) \\d+$", "$1")).toList();
        }, expected);
    }

    private List<String> linesAbout(String path) {
        return requestLog.lines().stream().filter(line -> line.matches("\\w+ " + path + "(:| |$).*")).toList();
    }

    /** request_finished may come a moment after the client has read the response. */
    private static void eventually(Supplier<List<String>> actual, List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!actual.get().equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, actual.get());
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
