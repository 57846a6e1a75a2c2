package signals.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The {@code --serve} page in headless Chromium, 1280 pixels wide: each adapter with its signals
 * and their named receivers; a click on the page reaches the shop, the counts of the signals it
 * fires move and the sends appear in the live log as they are sent. Skipped, saying so, only where no
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
        chromium.waitUntil("document.body.dataset.drawn", "yes"::equals);
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

    private static int count(String signal) {
        return Integer.parseInt(chromium.evaluate("document.querySelector('[data-signal=" + signal + "] .count').textContent"));
    }

    private static String text(String selector) {
        return chromium.evaluate("document.querySelector('" + selector + "').textContent");
    }

    @Test
    void eachAdapterShowsItsSignalsAndTheNamedReceiversConnectedToEach() {
        for (String module : List.of("signals.jdbc", "signals.jpa", "signals.servlet", "signals.test", "the application")) {
            assertEquals("1", chromium.evaluate("document.querySelectorAll('[data-module=\"" + module + "\"]').length"), module);
        }
        String jdbc = text("[data-module=\"signals.jdbc\"]");
        assertTrue(jdbc.contains("connection_created") && jdbc.contains("set the session time zone"), jdbc);
        assertTrue(text("[data-module=\"the application\"] [data-signal=pizza_done]").contains("announce the pizza"));
        String postSave = text("[data-module=\"signals.jpa\"] [data-signal=post_save]");
        assertTrue(postSave.contains("keep the order total"), postSave);
        assertTrue(postSave.contains("e-mail the confirmation (sender Order; after commit)"), postSave);
        // Every receiver of the shop reads as its name first, never as "lambda in ShopReceivers".
        assertEquals("0", chromium.evaluate("[...document.querySelectorAll('.receivers li')]"
                + ".filter(li => li.textContent.startsWith('lambda')).length"));
        // The shop's boot, before any page was open, is counted too.
        assertTrue(count("class_prepared") >= 4, () -> "class_prepared: " + count("class_prepared"));
    }

    @Test
    void theCountsMoveAndTheLogGrowsAsAClickFiresSignals() throws InterruptedException {
        int saves = count("post_save");
        int requests = count("request_finished");

        chromium.evaluate("document.getElementById('status').textContent = ''");
        chromium.evaluate("document.getElementById('place').click()");

        String status = chromium.waitUntil("document.getElementById('status').textContent", text -> text.contains("POST"));
        assertTrue(status.startsWith("POST orders: 201"), status);
        chromium.waitUntil("document.querySelector('[data-signal=request_finished] .count').textContent",
                text -> Integer.parseInt(text) > requests);
        assertTrue(count("post_save") >= saves + 3, () -> "post_save went from " + saves + " to " + count("post_save"));
        String log = chromium.evaluate("[...document.querySelectorAll('#log li')].map(li => li.dataset.signal).join(' ')");
        for (String sent : List.of("request_started", "post_save", "template_rendered", "request_finished")) {
            assertTrue(log.contains(sent), () -> sent + " is not in the log:\n" + log + "\nbut was sent:\n" + sends());
        }
        assertTrue(log.lastIndexOf("request_started") < log.lastIndexOf("post_save"), log);

        chromium.evaluate("document.getElementById('add-tag').click()");
        chromium.waitUntil("document.getElementById('log').textContent", text -> text.contains("POST_ADD"));
    }

    @Test
    void thePageFitsAWindow1280PixelsWideWithoutSidewaysScrolling() throws Exception {
        chromium.evaluate("document.getElementById('status').textContent = ''");
        chromium.evaluate("document.getElementById('place').click()");
        chromium.waitUntil("document.getElementById('status').textContent", text -> text.startsWith("POST orders: 201 (order"));
        chromium.evaluate("document.getElementById('add-tag').click()");
        chromium.waitUntil("document.getElementById('log').textContent", text -> text.contains("POST_ADD"));
        chromium.evaluate("document.getElementById('reject').click()");
        chromium.waitUntil("document.getElementById('status').textContent", text -> text.startsWith("POST orders: 400"));
        chromium.evaluate("document.getElementById('pizza').click()");
        chromium.waitUntil("document.querySelector('[data-signal=pizza_done] .count').textContent", text -> !text.equals("0"));

        assertEquals(String.valueOf(Chromium.WIDTH), chromium.evaluate("window.innerWidth"));
        String widths = chromium.evaluate("document.documentElement.scrollWidth + ' <= ' + document.documentElement.clientWidth");
        String[] sides = widths.split(" <= ");
        assertTrue(Integer.parseInt(sides[0]) <= Integer.parseInt(sides[1]), widths);
        // For the README: a look at the page as a person sees it (docs/live-page.png is a copy).
        chromium.screenshot(Path.of("target", "live-page.png"));
    }
}
