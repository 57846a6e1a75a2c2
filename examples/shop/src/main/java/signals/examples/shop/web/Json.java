package signals.examples.shop.web;

/**
 * Just enough JSON for the live page: strings quoted and escaped. The example writes its few
 * objects by hand rather than bring a JSON library into a demonstration of signals.
 */
public final class Json {

    private Json() {
    }

    /**
     * Quotes a string as a JSON string literal.
     *
     * @param text the text, or null
     * @return the literal, such as {@code "a \"b\""}, or {@code null} for null
     */
    public static String string(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                // "<" too, so that no text can close a script element if the page ever inlines it.
                default -> json.append(c < 0x20 || c == '<' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return json.append('"').toString();
    }
}
