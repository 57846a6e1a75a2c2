package signals.relay.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One relayed send as it travels: text headers, which the relay writes and reads (their names
 * and meaning are in the {@code signals.relay} README, "Wire format"), and the body, which is
 * the signal's codec's bytes. A transport moves both unchanged.
 *
 * @since 0.10
 */
public final class WireMessage {

    /** The header that holds the message id; see {@link #id()}. */
    public static final String ID_HEADER = "Signals-Id";

    /**
     * The header that names the sending instance: a transport that reads it cheaply can leave
     * out the instance's own messages instead of delivering them (the relay drops them anyway).
     *
     * @since 0.10
     */
    public static final String INSTANCE_HEADER = "Signals-Instance";

    private final Map<String, String> headers;
    private final byte[] body;
    /** Computed on first use: the relay asks it of every message, going out and coming in. */
    private int size = -1;

    private WireMessage(Map<String, String> headers, byte[] body) {
        this.headers = headers;
        this.body = body;
    }

    /**
     * Creates a message. The headers are copied; the body is not, and must not change afterwards.
     *
     * @param headers header names to values, in the order they go on the wire; neither null
     * @param body the body, not null (empty for none)
     * @return the message
     * @throws NullPointerException if an argument, a header name or a header value is null
     */
    public static WireMessage of(Map<String, String> headers, byte[] body) {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "header name"),
                Objects.requireNonNull(value, () -> "value of header " + name)));
        return new WireMessage(Collections.unmodifiableMap(copy), body);
    }

    /**
     * The headers, in wire order.
     *
     * @return a read-only map
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * One header's value.
     *
     * @param name the header's name, not null
     * @return its value, or null when absent
     */
    public String header(String name) {
        return headers.get(name);
    }

    /**
     * The body: the codec's bytes. Not a copy: do not change it.
     *
     * @return the body, never null
     */
    public byte[] body() {
        return body;
    }

    /**
     * The message's id, unique per send and the same each time that send is published again:
     * a transport's deduplication key.
     *
     * @return the {@value #ID_HEADER} header, or null when absent (a malformed message)
     */
    public String id() {
        return headers.get(ID_HEADER);
    }

    /**
     * The message's size as a broker with text headers counts it: the body, plus each header as
     * {@code name: value\r\n} in UTF-8, plus 12 bytes of framing ({@code NATS/1.0\r\n} and the
     * closing {@code \r\n}).
     *
     * @return the size in bytes
     */
    public int size() {
        // Racy but sound: every thread computes the same value from unchanging fields.
        int known = size;
        if (known < 0) {
            known = body.length + 12;
            for (Map.Entry<String, String> header : headers.entrySet()) {
                known += utf8Length(header.getKey()) + utf8Length(header.getValue()) + 4;
            }
            size = known;
        }
        return known;
    }

    /** {@code text.getBytes(UTF_8).length}, without the bytes: the relay asks it for every send. */
    private static int utf8Length(String text) {
        int length = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 2; // a pair: two chars, four bytes
                i++;
            } else if (!Character.isSurrogate(c)) {
                length += c < 0x800 ? 1 : 2;
            } // a lone surrogate is written as '?': one byte
        }
        return length;
    }

    @Override
    public String toString() {
        return "WireMessage" + headers + " and " + body.length + " bytes";
    }
}
