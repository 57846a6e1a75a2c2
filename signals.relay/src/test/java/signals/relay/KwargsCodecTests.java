package signals.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import signals.core.Kwargs;

class KwargsCodecTests {

    private final RelayCodec<Kwargs> codec = RelayCodec.kwargs();

    @Test
    void everyValueComesBackAsTheTypeItWasSentAsInOrder() throws IOException {
        Kwargs sent = Kwargs.of("text", "héllo ☃", "empty", "", "yes", true, "no", false, "int", -7, "long", 1L << 40,
                "double", 2.5, "float", 1.25f, "short", (short) -3, "byte", (byte) 9,
                "decimal", new BigDecimal("10.500"), "big", new BigInteger("123456789012345678901234567890"),
                "nothing", null, "min", Integer.MIN_VALUE, "nan", Double.NaN);
        Kwargs back = codec.decode(codec.encode(sent));
        assertEquals(sent.names(), back.names());
        for (String name : sent.names()) {
            Object value = sent.get(name);
            assertEquals(value, back.get(name), name);
            if (value != null) {
                assertSame(value.getClass(), back.get(name).getClass(), name);
            }
        }
        assertEquals(new BigDecimal("10.500").scale(), back.get("decimal", BigDecimal.class).scale());
        assertNull(back.get("nothing"));
    }

    @Test
    void noArgumentsRoundTrip() throws IOException {
        assertEquals(Kwargs.none(), codec.decode(codec.encode(Kwargs.none())));
        assertArrayEquals(new byte[] {1, 0, 0, 0, 0}, codec.encode(Kwargs.none()));
    }

    @Test
    void theFormatIsTheDocumentedOne() throws IOException {
        assertArrayEquals(new byte[] {1, 0, 0, 0, 2, 0, 0, 0, 1, 'n', 'I', 0, 0, 1, 0, 0, 0, 0, 1, 's', 'S', 0, 0, 0, 2,
                'h', 'i'}, codec.encode(Kwargs.of("n", 256, "s", "hi")));
        assertArrayEquals(new byte[] {1, 0, 0, 0, 4, 0, 0, 0, 1, 'a', 'N', 0, 0, 0, 1, 'b', 'T', 0, 0, 0, 1, 'c', 'F',
                0, 0, 0, 1, 'd', 'B', -2}, codec.encode(Kwargs.of("a", null, "b", true, "c", false, "d", (byte) -2)));
    }

    @Test
    void anyOtherValueFailsNamingItsArgument() {
        IOException failure = assertThrows(IOException.class,
                () -> codec.encode(Kwargs.of("n", 1, "when", Instant.EPOCH)));
        assertEquals("argument 'when' is a java.time.Instant; the kwargs codec carries strings, numbers (Byte, Short,"
                + " Integer, Long, Float, Double, BigInteger, BigDecimal), booleans and nulls only: convert it, or relay"
                + " the signal with a codec of its own", failure.getMessage());
        assertThrows(IOException.class, () -> codec.encode(Kwargs.of("counter", new AtomicLong())));
        assertThrows(IOException.class, () -> codec.encode(Kwargs.of("c", 'c')));
        assertEquals("the kwargs codec got a null payload, not a Kwargs",
                assertThrows(IOException.class, () -> codec.encode(null)).getMessage());
    }

    @Test
    void malformedBytesFailSayingWhatIsWrong() throws IOException {
        assertEquals("kwargs format 2 is not known; this codec reads format 1", failure(new byte[] {2, 0, 0, 0, 0}));
        assertEquals("kwargs end early, at byte 0 of 0", failure(new byte[0]));
        assertEquals("kwargs end early, at byte 1 of 3", failure(new byte[] {1, 0, 0}));
        assertEquals("kwargs claim -1 arguments in 5 bytes", failure(new byte[] {1, -1, -1, -1, -1}));
        assertEquals("kwargs claim 5 arguments in 9 bytes", failure(new byte[] {1, 0, 0, 0, 5, 0, 0, 0, 0}));
        assertEquals("argument 'n' has the unknown type tag 'Z'", failure(bytes(1, "n", 'Z')));
        assertEquals("a text of 9 bytes does not fit in the 1 left", failure(new byte[] {1, 0, 0, 0, 1, 0, 0, 0, 9, 'n'}));
        assertEquals("a text of -2 bytes does not fit in the 1 left",
                failure(new byte[] {1, 0, 0, 0, 1, -1, -1, -1, -2, 'n'}));
        assertEquals("argument 'n' appears twice", failure(concat(bytes(2, "n", 'N'), name("n"), new byte[] {'N'})));
        assertEquals("3 bytes left after the last argument", failure(concat(bytes(1, "n", 'N'), new byte[] {1, 2, 3})));
        // The rest of the message is the JDK's own, which differs between releases.
        assertTrue(failure(concat(bytes(1, "d", 'M'), name("x"))).startsWith("argument 'd' is not a number: "));
        assertEquals("argument 'g' is not a number: For input string: \"x\"", failure(concat(bytes(1, "g", 'G'), name("x"))));
    }

    @Test
    void itNamesItself() {
        assertEquals("RelayCodec.kwargs()", codec.toString());
        assertEquals("RelayCodec.none()", RelayCodec.none().toString());
    }

    @Test
    void theCodecWithoutPayloadWritesNothingAndReadsOnlyNothing() throws IOException {
        assertArrayEquals(new byte[0], RelayCodec.none().encode(null));
        assertNull(RelayCodec.none().decode(new byte[0]));
        assertEquals("a signal without payload got 2 bytes",
                assertThrows(IOException.class, () -> RelayCodec.none().decode(new byte[2])).getMessage());
    }

    private String failure(byte[] bytes) {
        return assertThrows(IOException.class, () -> codec.decode(bytes)).getMessage();
    }

    private static byte[] bytes(int count, String name, char tag) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        data.writeByte(1);
        data.writeInt(count);
        data.write(name(name));
        data.writeByte(tag);
        return out.toByteArray();
    }

    private static byte[] name(String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        data.writeInt(utf8.length);
        data.write(utf8);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        List<Byte> all = new ArrayList<>();
        for (byte[] part : parts) {
            for (byte b : part) {
                all.add(b);
            }
        }
        byte[] joined = new byte[all.size()];
        for (int i = 0; i < joined.length; i++) {
            joined[i] = all.get(i);
        }
        return joined;
    }
}
