package signals.examples.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code --serve} page in headless Chromium: a click on the page reaches the shop, and the
 * signals it fires appear on the page as they are sent. Skipped, saying so, only where no
 * Chromium is installed.
 */
class LivePageTests {

    private static final ByteArrayOutputStream PRINTED = new ByteArrayOutputStream();

    private static Serve live;
    private static Chromium chromium;

    @BeforeAll
    static void openTheLivePage() throws Exception {
        Path browser = Chromium.find().orElse(null);
        Assumptions.assumeTrue(browser != null,
                "no Chromium on the PATH (on Debian: apt-get install -y chromium): the live page is not tested here");
        live = Serve.start(0, new PrintStream(PRINTED, true, StandardCharsets.UTF_8));
        chromium = Chromium.launch(browser);
        chromium.open(live.uri());
        chromium.waitUntil("document.body.dataset.live", "yes"::equals);
    }

    @AfterAll
    static void closeEverything() throws Exception {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (live != null) {
                live.close();
            }
        }
    }

    private static String sends() {
        return PRINTED.toString(StandardCharsets.UTF_8);
    }

    @Test
    void thePageShowsWhoListensToWhat() throws InterruptedException {
        String inventory = chromium.waitUntil("document.getElementById('inventory').textContent", text -> !text.isEmpty());

        assertTrue(inventory.contains("connection_created"), inventory);
        assertTrue(inventory.contains("signals.examples.receivers.ShopReceivers"), inventory);
    }

    @Test
    void theSignalsOfAClickAppearOnThePageAsTheyAreSent() throws InterruptedException {
        chromium.evaluate("document.getElementById('place').click()");

        String status = chromium.waitUntil("document.getElementById('status').textContent", text -> text.contains("POST"));
        assertTrue(status.startsWith("POST orders: 201"), status);
        String shown = chromium.waitUntil("document.getElementById('signals').textContent",
                text -> text.contains("request_finished") && text.contains("POST /orders"));
        for (String sent : List.of("request_started", "post_save", "template_rendered", "request_finished")) {
            assertTrue(shown.contains(sent), () -> sent + " is not on the page:\n" + shown + "\nbut was sent:\n" + sends());
        }
        assertTrue(shown.indexOf("request_started") < shown.indexOf("post_save"), shown);

        chromium.evaluate("document.getElementById('add-tag').click()");
        chromium.waitUntil("document.getElementById('signals').textContent", text -> text.contains("POST_ADD"));
    }
}
