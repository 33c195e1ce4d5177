package network.mask.node.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the subset of TOML the node's config file uses: {@code [section]} headers (one level),
 * {@code key = value} lines, {@code #} comments, and values that are basic or literal strings,
 * integers, floats or booleans. Arrays, inline tables and multi-line strings are not part of
 * the format and are reported as errors with their line number.
 */
public final class TomlReader {

    /** One {@code key = value} line. {@code value} is a String, Long, Double or Boolean. */
    public record Entry(String section, String key, Object value, int line) {
        public String path() {
            return section.isEmpty() ? key : section + "." + key;
        }
    }

    /** Where a value sits on its line, so the store can replace it and keep the rest. */
    record ValueSpan(Object value, int start, int end) {}

    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern INTEGER = Pattern.compile("[+-]?(0|[1-9](_?[0-9])*)");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(0|[1-9](_?[0-9])*)(\\.[0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?");

    private TomlReader() {}

    /** Parses {@code text}; every problem is reported as {@code source:line: message}. */
    public static List<Entry> parse(String text, String source) throws ConfigException {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> sections = new HashSet<>();
        String section = "";
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            try {
                if (t.startsWith("[")) {
                    section = parseSection(t);
                    if (!sections.add(section)) throw new IllegalArgumentException("section [" + section + "] appears twice");
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq < 0) throw new IllegalArgumentException("expected 'key = value'");
                String key = line.substring(0, eq).strip();
                if (!BARE_KEY.matcher(key).matches()) {
                    throw new IllegalArgumentException("'" + key + "' is not a valid key (letters, digits, '_' and '-')");
                }
                ValueSpan v = parseValue(line, eq + 1);
                Entry e = new Entry(section, key, v.value(), lineNo);
                if (!seen.add(e.path())) throw new IllegalArgumentException("'" + e.path() + "' is set twice");
                entries.add(e);
            } catch (IllegalArgumentException ex) {
                problems.add(source + ":" + lineNo + ": " + ex.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return entries;
    }

    private static String parseSection(String t) {
        int close = t.indexOf(']');
        if (t.startsWith("[[")) throw new IllegalArgumentException("arrays of tables are not supported");
        if (close < 0) throw new IllegalArgumentException("section header without ']'");
        String rest = t.substring(close + 1).strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) throw new IllegalArgumentException("unexpected text after section header");
        String name = t.substring(1, close).strip();
        if (!BARE_KEY.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid section name (nested sections are not supported)");
        }
        return name;
    }

    /** Parses the value starting at or after {@code from} and checks that only a comment follows. */
    static ValueSpan parseValue(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
        if (i >= line.length()) throw new IllegalArgumentException("missing value after '='");
        char c = line.charAt(i);
        Object value;
        int end;
        if (c == '"') {
            StringBuilder sb = new StringBuilder();
            end = readBasicString(line, i + 1, sb);
            value = sb.toString();
        } else if (c == '\'') {
            int close = line.indexOf('\'', i + 1);
            if (close < 0) throw new IllegalArgumentException("string is not closed (missing ')");
            value = line.substring(i + 1, close);
            end = close + 1;
        } else if (c == '[' || c == '{') {
            throw new IllegalArgumentException("arrays and inline tables are not supported");
        } else {
            end = i;
            while (end < line.length() && line.charAt(end) != '#' && line.charAt(end) != ' ' && line.charAt(end) != '\t') end++;
            value = scalar(line.substring(i, end));
        }
        String rest = line.substring(end).strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) {
            throw new IllegalArgumentException("unexpected text after the value: '" + rest + "'");
        }
        return new ValueSpan(value, i, end);
    }

    private static Object scalar(String token) {
        switch (token) {
            case "true": return Boolean.TRUE;
            case "false": return Boolean.FALSE;
            default:
        }
        String digits = token.replace("_", "");
        try {
            if (INTEGER.matcher(token).matches()) return Long.parseLong(digits);
            if (FLOAT.matcher(token).matches()) return Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("number out of range: " + token);
        }
        throw new IllegalArgumentException("'" + token + "' is not a value: put text in double quotes");
    }

    private static int readBasicString(String line, int i, StringBuilder out) {
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (c == '"') return i;
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i >= line.length()) break;
            char e = line.charAt(i++);
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    if (i + 4 > line.length()) throw new IllegalArgumentException("incomplete \\u escape");
                    try {
                        out.append((char) Integer.parseInt(line.substring(i, i + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw new IllegalArgumentException("bad \\u escape");
                    }
                    i += 4;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e + " in string");
            }
        }
        throw new IllegalArgumentException("string is not closed (missing \")");
    }

    /** Writes {@code s} as a TOML basic string. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
