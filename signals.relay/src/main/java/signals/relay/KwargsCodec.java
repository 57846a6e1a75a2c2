package signals.relay;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import signals.core.Kwargs;

/**
 * {@link RelayCodec#kwargs()}: a format version byte, the argument count, then per argument
 * its name, a one-letter type tag and the value (see the README's "Wire format"). A tag per
 * value, rather than JSON, is what keeps an {@code Integer} an {@code Integer} and a
 * {@code BigDecimal}'s scale intact.
 */
final class KwargsCodec implements RelayCodec<Kwargs> {

    static final KwargsCodec INSTANCE = new KwargsCodec();

    static final int FORMAT = 1;

    private KwargsCodec() {
    }

    @Override
    public byte[] encode(Kwargs payload) throws IOException {
        if (payload == null) {
            throw new IOException("the kwargs codec got a null payload, not a Kwargs");
        }
        Map<String, Object> arguments = payload.asMap();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 16 * arguments.size());
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(FORMAT);
        out.writeInt(arguments.size());
        for (Map.Entry<String, Object> argument : arguments.entrySet()) {
            writeText(out, argument.getKey());
            writeValue(out, argument.getKey(), argument.getValue());
        }
        return bytes.toByteArray();
    }

    private static void writeValue(DataOutputStream out, String name, Object value) throws IOException {
        if (value == null) {
            out.writeByte('N');
        } else if (value instanceof String) {
            out.writeByte('S');
            writeText(out, (String) value);
        } else if (value instanceof Boolean) {
            out.writeByte((Boolean) value ? 'T' : 'F');
        } else if (value instanceof Integer) {
            out.writeByte('I');
            out.writeInt((Integer) value);
        } else if (value instanceof Long) {
            out.writeByte('J');
            out.writeLong((Long) value);
        } else if (value instanceof Double) {
            out.writeByte('D');
            out.writeDouble((Double) value);
        } else if (value instanceof Float) {
            out.writeByte('R');
            out.writeFloat((Float) value);
        } else if (value instanceof Short) {
            out.writeByte('H');
            out.writeShort((Short) value);
        } else if (value instanceof Byte) {
            out.writeByte('B');
            out.writeByte((Byte) value);
        } else if (value instanceof BigDecimal) {
            out.writeByte('M');
            writeText(out, value.toString());
        } else if (value instanceof BigInteger) {
            out.writeByte('G');
            writeText(out, value.toString());
        } else {
            throw new IOException("argument '" + name + "' is a " + value.getClass().getName()
                    + "; the kwargs codec carries strings, numbers (Byte, Short, Integer, Long, Float, Double,"
                    + " BigInteger, BigDecimal), booleans and nulls only: convert it, or relay the signal"
                    + " with a codec of its own");
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    @Override
    public Kwargs decode(byte[] bytes) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            int format = in.get();
            if (format != FORMAT) {
                throw new IOException("kwargs format " + format + " is not known; this codec reads format " + FORMAT);
            }
            int count = in.getInt();
            if (count < 0 || count > in.remaining()) {
                throw new IOException("kwargs claim " + count + " arguments in " + bytes.length + " bytes");
            }
            Map<String, Object> arguments = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = readText(in);
                if (arguments.containsKey(name)) {
                    throw new IOException("argument '" + name + "' appears twice");
                }
                arguments.put(name, readValue(in, name));
            }
            if (in.hasRemaining()) {
                throw new IOException(in.remaining() + " bytes left after the last argument");
            }
            return Kwargs.of(arguments);
        } catch (BufferUnderflowException e) {
            throw new IOException("kwargs end early, at byte " + in.position() + " of " + bytes.length, e);
        }
    }

    private static Object readValue(ByteBuffer in, String name) throws IOException {
        char tag = (char) in.get();
        switch (tag) {
            case 'N': return null;
            case 'S': return readText(in);
            case 'T': return Boolean.TRUE;
            case 'F': return Boolean.FALSE;
            case 'I': return in.getInt();
            case 'J': return in.getLong();
            case 'D': return in.getDouble();
            case 'R': return in.getFloat();
            case 'H': return in.getShort();
            case 'B': return in.get();
            case 'M': return number(name, () -> new BigDecimal(readText(in)));
            case 'G': return number(name, () -> new BigInteger(readText(in)));
            default:
                throw new IOException("argument '" + name + "' has the unknown type tag '" + tag + "'");
        }
    }

    private interface Parse {
        Number get() throws IOException;
    }

    private static Number number(String name, Parse parse) throws IOException {
        try {
            return parse.get();
        } catch (NumberFormatException e) {
            throw new IOException("argument '" + name + "' is not a number: " + e.getMessage(), e);
        }
    }

    private static String readText(ByteBuffer in) throws IOException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IOException("a text of " + length + " bytes does not fit in the " + in.remaining() + " left");
        }
        byte[] utf8 = new byte[length];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RelayCodec.kwargs()";
    }
}

