package signals.relay.postgresql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The headers column's text form, read and written without a database. */
class TablesTests {

    @Test
    void headersReadBackInTheirOrder() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Signals-Version", "1");
        headers.put("Signals-Sender", "a: b: c");
        headers.put("Empty", "");
        String text = Tables.headers(headers);
        assertEquals("Signals-Version: 1\nSignals-Sender: a: b: c\nEmpty: \n", text);
        assertEquals(headers, Tables.headers(text));
        assertEquals(List.copyOf(headers.keySet()), List.copyOf(Tables.headers(text).keySet()));
    }

    @Test
    void aLineWithoutNameAndColonIsLeftOut() {
        assertEquals(Map.of("a", "1", "b", "2"), Tables.headers("a: 1\nno colon\n: nameless\n\nb: 2"));
        assertEquals(Map.of("c", "3"), Tables.headers("x\nc: 3"), "a colon on a later line belongs to that line");
        assertEquals(Map.of(), Tables.headers(""));
        assertEquals(Map.of("d", ""), Tables.headers("d: "));
    }

    @Test
    void namesReadBeforeAtTheSamePlaceAreTakenAgainAndOthersReplaceThem() {
        String[] names = new String[2];
        assertEquals(Map.of("Signals-Id", "1", "Signals-Signal", "a", "Extra", "x"),
                Tables.headers("Signals-Id: 1\nSignals-Signal: a\nExtra: x\n", names));
        assertArrayEquals(new String[] {"Signals-Id", "Signals-Signal"}, names, "the places there are, filled");
        String id = names[0];

        Map<String, String> second = Tables.headers("Signals-Id: 2\nSignals-Sender: b\n", names);
        assertEquals(Map.of("Signals-Id", "2", "Signals-Sender", "b"), second);
        assertSame(id, second.keySet().iterator().next(), "the same name at the same place is taken again");
        assertEquals("Signals-Sender", names[1], "another name replaces it");

        // Same length, other letters; and a name that the last one's starts with.
        assertEquals(Map.of("Signals-Xy", "3", "Signals-Se", "4"), Tables.headers("Signals-Xy: 3\nSignals-Se: 4\n", names));
        assertArrayEquals(new String[] {"Signals-Xy", "Signals-Se"}, names);
    }
}
