package signals.relay.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
