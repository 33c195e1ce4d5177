package network.mask.node.api;

/**
 * Compact JSON written byte for byte as Rust's {@code serde_json::to_string} writes it: fields in
 * the order given (serde uses declaration order), no whitespace, and serde_json's string escapes
 * ({@code \"}, {@code \\}, {@code \b \f \n \r \t}, other control characters as {@code \}{@code u00xx}
 * in lower case; '/' and non-ASCII left as they are). nym signs exactly this text, so the
 * host-information signature verifies only if we write it the same way.
 */
final class SerdeJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(256);
    private boolean first = true;

    private SerdeJson() {
        out.append('{');
    }

    static SerdeJson object() {
        return new SerdeJson();
    }

    SerdeJson string(String name, String value) {
        key(name);
        if (value == null) out.append("null");
        else quote(out, value);
        return this;
    }

    SerdeJson number(String name, long value) {
        key(name).append(value);
        return this;
    }

    SerdeJson bool(String name, boolean value) {
        key(name).append(value);
        return this;
    }

    SerdeJson nullValue(String name) {
        key(name).append("null");
        return this;
    }

    /** A value that is already JSON (a nested object built with this class), or null. */
    SerdeJson raw(String name, String json) {
        key(name).append(json == null ? "null" : json);
        return this;
    }

    SerdeJson strings(String name, Iterable<String> values) {
        key(name).append('[');
        boolean firstItem = true;
        for (String v : values) {
            if (!firstItem) out.append(',');
            quote(out, v);
            firstItem = false;
        }
        out.append(']');
        return this;
    }

    String end() {
        return out.append('}').toString();
    }

    private StringBuilder key(String name) {
        if (!first) out.append(',');
        first = false;
        quote(out, name);
        return out.append(':');
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
