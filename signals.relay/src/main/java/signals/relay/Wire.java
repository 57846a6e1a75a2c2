package signals.relay;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import signals.relay.spi.WireMessage;

/**
 * The wire format, version {@value #VERSION}: the headers of a relayed send, written and read
 * here only. The README's "Wire format" is the specification; this class follows it.
 */
final class Wire {

    static final int VERSION = 1;

    static final String VERSION_HEADER = "Signals-Version";
    static final String SIGNAL = "Signals-Signal";
    static final String INSTANCE = WireMessage.INSTANCE_HEADER;
    static final String ID = WireMessage.ID_HEADER;
    static final String SENDER = "Signals-Sender";
    static final String SENT_AT = "Signals-Sent-At";


    /** Longest sender description carried; a sender's toString can be a whole entity. */
    static final int SENDER_LIMIT = 200;

    private Wire() {
    }

    /** One send, as a message. */
    static WireMessage write(String signal, Remote from, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(VERSION_HEADER, Integer.toString(VERSION));
        headers.put(SIGNAL, escape(signal));
        headers.put(INSTANCE, from.instanceId());
        headers.put(ID, from.id());
        headers.put(SENDER, escape(from.sender()));
        headers.put(SENT_AT, sentAt(from.sentAt()));
        return WireMessage.of(headers, body);
    }

    /**
     * An instant in UTC to the millisecond, always 24 characters ({@code 2026-12-07T01:02:03.456Z})
     * between the years 0 and 9999, so that a message's size does not vary with the clock. Written
     * by hand: a {@code DateTimeFormatter} allocates a kilobyte per call, a third of what a relayed
     * send cost the sending thread.
     */
    static String sentAt(Instant at) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
        }
        StringBuilder text = new StringBuilder(24);
        digits(text, time.getYear(), 4).append('-');
        digits(text, time.getMonthValue(), 2).append('-');
        digits(text, time.getDayOfMonth(), 2).append('T');
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        digits(text, time.getSecond(), 2).append('.');
        return digits(text, time.getNano() / 1_000_000, 3).append('Z').toString();
    }

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1000};

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        for (int divisor = POWERS_OF_TEN[width - 1]; divisor > 0; divisor /= 10) {
            text.append((char) ('0' + value / divisor % 10));
        }
        return text;
    }

    /** A sender's description, as {@link Remote#sender()} carries it. */
    static String describe(Object sender) {
        String text = String.valueOf(sender);
        return text.length() <= SENDER_LIMIT ? text : text.substring(0, SENDER_LIMIT - 3) + "...";
    }

    /** A message read: the signal's name and who sent it. */
    record Read(String signal, Remote from) {
    }

    /**
     * Reads a message's headers.
     *
     * @throws Malformed naming what is wrong, for the log
     */
    static Read read(WireMessage message) throws Malformed {
        String version = message.header(VERSION_HEADER);
        if (version == null) {
            throw new Malformed("no " + VERSION_HEADER + " header: not a message of a signals relay");
        }
        int number;
        try {
            number = Integer.parseInt(version.trim());
        } catch (NumberFormatException e) {
            throw new Malformed("unreadable " + VERSION_HEADER + " '" + version + "'");
        }
        if (number > VERSION) {
            throw new Malformed("wire version " + number + ", from a newer release of signals.relay; this one reads"
                    + " version " + VERSION + " (upgrade this instance)");
        }
        if (number < 1) {
            throw new Malformed("unreadable " + VERSION_HEADER + " '" + version + "'");
        }
        String signal = unescape(required(message, SIGNAL));
        String instance = required(message, INSTANCE);
        String id = required(message, ID);
        String sender = unescape(required(message, SENDER));
        String sentAt = required(message, SENT_AT);
        return new Read(signal, new Remote(instance, sender, id, parseSentAt(sentAt)));
    }

    /**
     * Reads a sent-at header: the 24-character form {@link #sentAt} writes by hand, anything else
     * ISO-8601 through {@link Instant#parse}. Why by hand: parsing with a
     * {@code DateTimeFormatter} was the largest cost of receiving a message.
     */
    static Instant parseSentAt(String text) throws Malformed {
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.' && text.charAt(23) == 'Z') {
            try {
                return LocalDateTime.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2),
                        number(text, 11, 2), number(text, 14, 2), number(text, 17, 2), number(text, 20, 3) * 1_000_000)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                throw unreadableSentAt(text);
            }
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw unreadableSentAt(text);
        }
    }

    /** The decimal number of {@code width} digits at {@code from} of a sent-at header. */
    private static int number(String text, int from, int width) throws Malformed {
        int value = 0;
        for (int i = from; i < from + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw unreadableSentAt(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Malformed unreadableSentAt(String text) {
        return new Malformed("unreadable " + SENT_AT + " '" + text + "'");
    }

    private static String required(WireMessage message, String header) throws Malformed {
        String value = message.header(header);
        if (value == null || value.isEmpty()) {
            throw new Malformed("no " + header + " header");
        }
        return value;
    }

    /**
     * Percent-encodes what a text header cannot carry: every byte of the UTF-8 form outside
     * printable ASCII, and {@code %} itself.
     */
    static String escape(String text) {
        boolean plain = true;
        for (int i = 0; i < text.length() && plain; i++) {
            char c = text.charAt(i);
            plain = c >= 0x20 && c < 0x7f && c != '%';
        }
        if (plain) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            }
        }
        return out.toString();
    }

    /** Reverses {@link #escape}. */
    static String unescape(String text) throws Malformed {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
            if (low < 0) {
                throw new Malformed("bad percent escape at " + i + " in '" + text + "'");
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** What is wrong with a message from the broker. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }
}
