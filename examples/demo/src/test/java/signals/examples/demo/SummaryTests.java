package signals.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import signals.examples.demo.SendLog.Key;

/** The verdict: what makes the example exit non-zero, and how the table says it. */
class SummaryTests {

    private static final Key POST_SAVE = new Key("post_save", null);
    private static final Key UPDATED = new Key("post_save", "updated");
    private static final Key CREATED = new Key("post_save", "created");

    @Test
    void aRequiredSignalOrKindThatNeverFiredIsNamed() {
        Summary summary = new Summary(Map.of(POST_SAVE, 2, CREATED, 2), Map.of("post_save", "signals.jpa"),
                List.of(POST_SAVE, CREATED, UPDATED));

        assertEquals(List.of(UPDATED), summary.notFired());
        String table = print(summary);
        assertTrue(table.contains("DID NOT FIRE: post_save (updated)"), table);
        assertTrue(table.contains(" updated 0 <- DID NOT FIRE"), table);
    }

    @Test
    void whenEverythingRequiredFiredTheVerdictCountsIt() {
        Summary summary = new Summary(Map.of(POST_SAVE, 1, CREATED, 1), Map.of("post_save", "signals.jpa"),
                List.of(POST_SAVE, CREATED));

        assertEquals(List.of(), summary.notFired());
        String table = print(summary);
        assertTrue(table.contains("post_save signals.jpa 1"), table);
        assertTrue(table.contains("every required signal fired: 2 signals and kinds"), table);
        assertFalse(table.contains("DID NOT FIRE"), table);
    }

    @Test
    void signalsThatFiredWithoutBeingRequiredAreListedToo() {
        Key extra = new Key("request_started", null);
        Summary summary = new Summary(Map.of(extra, 3), Map.of("request_started", "signals.servlet"), List.of());

        assertTrue(print(summary).contains("request_started signals.servlet 3"));
    }

    private static String print(Summary summary) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            summary.print(out);
        }
        // Columns are padded with spaces: one space between columns is what matters here.
        return printed.toString(StandardCharsets.UTF_8).replaceAll(" +", " ");
    }
}
