package signals.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import signals.relay.spi.WireMessage;

class WireTests {

    private static final Remote FROM = new Remote("web-1", "Order #7 ☃ 100%", "web-1-x-1",
            Instant.parse("2026-12-07T01:02:03.456Z"));

    @Test
    void aSendIsWrittenAsTheDocumentedHeadersAndReadBack() throws Wire.Malformed {
        WireMessage message = Wire.write("order_paid ü", FROM, new byte[] {1, 2});
        assertEquals(Map.of("Signals-Version", "1", "Signals-Signal", "order_paid %c3%bc", "Signals-Instance", "web-1",
                "Signals-Id", "web-1-x-1", "Signals-Sender", "Order #7 %e2%98%83 100%25",
                "Signals-Sent-At", "2026-12-07T01:02:03.456Z"), message.headers());
        assertEquals(List.of("Signals-Version", "Signals-Signal", "Signals-Instance", "Signals-Id", "Signals-Sender",
                "Signals-Sent-At"), List.copyOf(message.headers().keySet()));
        Wire.Read read = Wire.read(message);
        assertEquals("order_paid ü", read.signal());
        assertEquals(FROM, read.from());
    }

    @Test
    void theTimeIsWrittenToTheMillisecondInTwentyFourCharacters() throws Wire.Malformed {
        for (String time : List.of("2026-12-07T01:02:03Z", "2026-12-07T01:02:03.100Z", "2026-12-07T01:02:03.123456789Z")) {
            Remote from = new Remote("a", "s", "i", Instant.parse(time));
            String written = Wire.write("s", from, new byte[0]).header("Signals-Sent-At");
            assertEquals(24, written.length(), written);
            assertEquals(Instant.parse(time).toEpochMilli(), Instant.parse(written).toEpochMilli());
        }
        WireMessage nanos = with("Signals-Sent-At", "2026-12-07T01:02:03.123456789Z");
        assertEquals(Instant.parse("2026-12-07T01:02:03.123456789Z"), Wire.read(nanos).from().sentAt());
    }

    @Test
    void theTimeIsTheIsoFormOfTheInstantInUtc() {
        assertEquals("1970-01-01T00:00:00.000Z", Wire.sentAt(Instant.EPOCH));
        assertEquals("0000-01-01T00:00:00.000Z", Wire.sentAt(Instant.parse("0000-01-01T00:00:00Z")));
        assertEquals("9999-12-31T23:59:59.999Z", Wire.sentAt(Instant.parse("9999-12-31T23:59:59.999999Z")));
        assertEquals("1969-12-31T23:59:59.999Z", Wire.sentAt(Instant.ofEpochMilli(-1)));
        // Outside four-digit years the length cannot hold; the instant is still ISO-8601.
        assertEquals("+10000-01-01T00:00:00Z", Wire.sentAt(Instant.parse("+10000-01-01T00:00:00.0001Z")));
        assertEquals("-0001-12-31T00:00:00.001Z", Wire.sentAt(Instant.parse("-0001-12-31T00:00:00.001Z")));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 1_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE) * 100L, random.nextInt(1_000_000_000));
            String written = Wire.sentAt(at);
            assertEquals(at.toEpochMilli(), Instant.parse(written).toEpochMilli(), written);
            assertEquals(java.time.format.DateTimeFormatter.ISO_INSTANT.format(at).substring(0, 19), written.substring(0, 19));
        }
    }

    @Test
    void theTimeIsReadBackAsWrittenAndAnythingElseIsoIsReadToo() throws Wire.Malformed {
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 1_000; i++) {
            Instant at = Instant.ofEpochMilli(random.nextLong(253_402_300_800_000L));
            assertEquals(at, Wire.parseSentAt(Wire.sentAt(at)));
        }
        for (String edge : List.of("0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "1999-09-09T09:09:09.909Z")) {
            assertEquals(Instant.parse(edge), Wire.parseSentAt(edge));
        }
        assertEquals(Instant.parse("2026-12-07T01:02:03Z"), Wire.parseSentAt("2026-12-07T01:02:03Z"));
        assertEquals(Instant.parse("2026-12-07T01:02:03.1Z"), Wire.parseSentAt("2026-12-07T01:02:03.100Z"));
        assertEquals(Instant.parse("+10000-01-01T00:00:00Z"), Wire.parseSentAt("+10000-01-01T00:00:00Z"));
        // Twenty-four characters, but with offsets: the ISO reader takes them.
        assertEquals(Instant.parse("2026-12-07T01:02:03+01:00"), Wire.parseSentAt("2026-12-07T01:02:03+01:00"));
        for (String bad : List.of("2026-02-30T01:02:03.456Z", "2026-13-07T01:02:03.456Z", "2026-12-07T24:02:03.456Z",
                "2026-12-07T01:60:03.456Z", "2026-12-07T01:02:60.456Z", "2026-12-07T01:02:03.45xZ",
                "x026-12-07T01:02:03.456Z", "2026-x2-07T01:02:03.456Z", "2026-12-x7T01:02:03.456Z",
                "2026-12-07Tx1:02:03.456Z", "2026-12-07T01:x2:03.456Z", "2026-12-07T01:02:x3.456Z", "yesterday")) {
            String reason = assertThrows(Wire.Malformed.class, () -> Wire.parseSentAt(bad), bad).getMessage();
            assertEquals("unreadable Signals-Sent-At '" + bad + "'", reason);
        }
        for (int at : new int[] {4, 7, 10, 13, 16, 19, 23}) {
            StringBuilder text = new StringBuilder("2026-12-07T01:02:03.456Z");
            text.setCharAt(at, '/');
            assertThrows(Wire.Malformed.class, () -> Wire.parseSentAt(text.toString()), text.toString());
        }
    }

    @Test
    void aMessagesSizeCountsEachHeaderInUtf8AsTheBrokerDoes() {
        String[] pieces = {"a", "ü", "☃", "\ud83c\udf55", "\ud83c", "\udf55", "%", " "};
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 500; i++) {
            StringBuilder name = new StringBuilder("h");
            StringBuilder value = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                name.append(pieces[random.nextInt(pieces.length)]);
                value.append(pieces[random.nextInt(pieces.length)]);
            }
            WireMessage message = WireMessage.of(Map.of(name.toString(), value.toString()), new byte[i]);
            int expected = i + 12 + 4 + name.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    + value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            assertEquals(expected, message.size(), () -> name + ": " + value);
        }
    }

    @Test
    void aSendersDescriptionIsCutAtTwoHundredCharacters() {
        assertEquals("x".repeat(200), Wire.describe("x".repeat(200)));
        assertEquals("x".repeat(197) + "...", Wire.describe("x".repeat(201)));
        assertEquals("null", Wire.describe(null));
    }

    @Test
    void eachMissingOrUnreadableHeaderIsNamed() {
        assertEquals("no Signals-Version header: not a message of a signals relay", malformed(without("Signals-Version")));
        for (String header : List.of("Signals-Signal", "Signals-Instance", "Signals-Id", "Signals-Sender",
                "Signals-Sent-At")) {
            assertEquals("no " + header + " header", malformed(without(header)));
            assertEquals("no " + header + " header", malformed(with(header, "")));
        }
        assertEquals("wire version 2, from a newer release of signals.relay; this one reads version 1 (upgrade this"
                + " instance)", malformed(with("Signals-Version", "2")));
        assertEquals("unreadable Signals-Version '0'", malformed(with("Signals-Version", "0")));
        assertEquals("unreadable Signals-Version 'v1'", malformed(with("Signals-Version", "v1")));
        assertEquals("unreadable Signals-Sent-At 'now'", malformed(with("Signals-Sent-At", "now")));
        assertEquals("bad percent escape at 1 in 'a%zz'", malformed(with("Signals-Signal", "a%zz")));
        assertEquals("bad percent escape at 1 in 'a%4'", malformed(with("Signals-Sender", "a%4")));
        assertEquals("bad percent escape at 0 in '%'", malformed(with("Signals-Sender", "%")));
    }

    @Test
    void aVersionWithSpacesIsRead() throws Wire.Malformed {
        assertEquals("s", Wire.read(with("Signals-Version", " 1 ")).signal());
    }

    @Test
    void escapingKeepsPrintableAsciiAndEncodesTheRest() throws Wire.Malformed {
        assertEquals("plain text ~!", Wire.escape("plain text ~!"));
        assertEquals("%25 %0a %7f %c3%a9", Wire.escape("% \n \u007f é"));
        assertEquals("% \n \u007f é", Wire.unescape("%25 %0A %7f %c3%a9"));
        assertEquals("tab%09", Wire.escape("tab\t"));
    }

    @Test
    void aWireMessageCopiesItsHeadersAndCountsItsSizeAsNatsDoes() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Signals-Id", "é1");
        WireMessage message = WireMessage.of(headers, new byte[10]);
        headers.put("other", "x");
        assertEquals(Map.of("Signals-Id", "é1"), message.headers());
        assertEquals("é1", message.id());
        assertEquals("é1", message.header("Signals-Id"));
        assertNull(message.header("nope"));
        assertEquals(10 + 12 + 10 + 3 + 4, message.size());
        assertEquals("WireMessage{Signals-Id=é1} and 10 bytes", message.toString());
        assertNull(WireMessage.of(Map.of(), new byte[0]).id());
        assertEquals(12, WireMessage.of(Map.of(), new byte[0]).size());
        assertThrows(UnsupportedOperationException.class, () -> message.headers().put("a", "b"));
        assertThrows(NullPointerException.class, () -> WireMessage.of(null, new byte[0]));
        assertThrows(NullPointerException.class, () -> WireMessage.of(Map.of(), null));
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("a", null);
        assertEquals("value of header a", assertThrows(NullPointerException.class,
                () -> WireMessage.of(nullValue, new byte[0])).getMessage());
        Map<String, String> nullName = new LinkedHashMap<>();
        nullName.put(null, "a");
        assertEquals("header name", assertThrows(NullPointerException.class,
                () -> WireMessage.of(nullName, new byte[0])).getMessage());
    }

    private static WireMessage without(String header) {
        Map<String, String> headers = new LinkedHashMap<>(Wire.write("s", FROM, new byte[0]).headers());
        headers.remove(header);
        return WireMessage.of(headers, new byte[0]);
    }

    private static WireMessage with(String header, String value) {
        Map<String, String> headers = new LinkedHashMap<>(Wire.write("s", FROM, new byte[0]).headers());
        headers.put(header, value);
        return WireMessage.of(headers, new byte[0]);
    }

    private static String malformed(WireMessage message) {
        String reason = assertThrows(Wire.Malformed.class, () -> Wire.read(message)).getMessage();
        assertTrue(reason != null && !reason.isEmpty());
        return reason;
    }
}
