package network.mask.node.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one config value is read from its TOML form and written back. {@link #convert} throws
 * {@link IllegalArgumentException} with a message that completes "expected ...".
 */
public interface ValueType<T> {

    T convert(Object raw);

    String render(T value);

    /** What a valid value looks like, for messages and the reference. */
    String describe();

    static ValueType<String> text(int maxLength) {
        return new ValueType<>() {
            public String convert(Object raw) {
                if (!(raw instanceof String s)) throw new IllegalArgumentException(describe());
                if (s.length() > maxLength) throw new IllegalArgumentException("at most " + maxLength + " characters");
                if (s.chars().anyMatch(c -> c < 0x20 && c != '\t')) throw new IllegalArgumentException("text without control characters");
                return s;
            }
            public String render(String v) { return TomlReader.quote(v); }
            public String describe() { return "a quoted string of at most " + maxLength + " characters"; }
        };
    }

    /** Text matching {@code pattern}, or empty. */
    static ValueType<String> pattern(String description, Pattern pattern, int maxLength) {
        return new ValueType<>() {
            public String convert(Object raw) {
                // The shape first: "a two-letter country code" says more about "Germany" than "at most 2 characters".
                if (raw instanceof String t && !t.isEmpty() && !pattern.matcher(t).matches()) throw new IllegalArgumentException(describe());
                return text(maxLength).convert(raw);
            }
            public String render(String v) { return TomlReader.quote(v); }
            public String describe() { return description + " in quotes, or \"\""; }
        };
    }

    static ValueType<Integer> integer(int min, int max) {
        return new ValueType<>() {
            public Integer convert(Object raw) {
                if (!(raw instanceof Long n) || n < min || n > max) throw new IllegalArgumentException(describe());
                return n.intValue();
            }
            public String render(Integer v) { return Integer.toString(v); }
            public String describe() { return "an integer from " + min + " to " + max; }
        };
    }

    /** A BCM GPIO number on the 40-pin header (0..27), or -1 for "none wired". */
    static ValueType<Integer> gpioPin() {
        return new ValueType<>() {
            public Integer convert(Object raw) {
                if (!(raw instanceof Long n) || n < -1 || n > 27) throw new IllegalArgumentException(describe());
                return n.intValue();
            }
            public String render(Integer v) { return Integer.toString(v); }
            public String describe() { return "a BCM GPIO number from 0 to 27, or -1 for none"; }
        };
    }

    /** Three different BCM GPIO numbers written "R,G,B" (spaces allowed), or empty for none. */
    static ValueType<String> gpioTriple() {
        Pattern p = Pattern.compile(" *([0-9]{1,2}) *, *([0-9]{1,2}) *, *([0-9]{1,2}) *");
        return new ValueType<>() {
            public String convert(Object raw) {
                if (!(raw instanceof String s)) throw new IllegalArgumentException(describe());
                if (s.isEmpty()) return s;
                Matcher m = p.matcher(s);
                if (!m.matches()) throw new IllegalArgumentException(describe());
                Set<Integer> pins = new java.util.LinkedHashSet<>();
                for (int i = 1; i <= 3; i++) {
                    int pin = Integer.parseInt(m.group(i));
                    if (pin > 27 || !pins.add(pin)) throw new IllegalArgumentException(describe());
                }
                return String.join(",", pins.stream().map(String::valueOf).toList());   // normalised: no spaces
            }
            public String render(String v) { return TomlReader.quote(v); }
            public String describe() {
                return "three different BCM GPIO numbers from 0 to 27 for red, green and blue in quotes, like \"5,6,26\", or \"\"";
            }
        };
    }

    static ValueType<Double> decimal(double min, double max) {
        return new ValueType<>() {
            public Double convert(Object raw) {
                double d;
                if (raw instanceof Double x) d = x;
                else if (raw instanceof Long n) d = n;
                else throw new IllegalArgumentException(describe());
                if (!(d >= min && d <= max)) throw new IllegalArgumentException(describe());
                return d;
            }
            public String render(Double v) { return v.toString(); }
            public String describe() { return "a number from " + min + " to " + max; }
        };
    }

    static ValueType<Boolean> bool() {
        return new ValueType<>() {
            public Boolean convert(Object raw) {
                if (!(raw instanceof Boolean b)) throw new IllegalArgumentException(describe());
                return b;
            }
            public String render(Boolean v) { return v.toString(); }
            public String describe() { return "true or false (without quotes)"; }
        };
    }

    static ValueType<String> choice(String... options) {
        Set<String> allowed = Set.of(options);
        return new ValueType<>() {
            public String convert(Object raw) {
                if (!(raw instanceof String s) || !allowed.contains(s)) throw new IllegalArgumentException(describe());
                return s;
            }
            public String render(String v) { return TomlReader.quote(v); }
            public String describe() { return "one of " + String.join(", ", List.of(options).stream().map(o -> "\"" + o + "\"").toList()); }
        };
    }

    /** Durations written like "500ms", "10s", "5m", "24h", "7d". */
    static ValueType<Duration> duration(Duration min, Duration max) {
        Pattern p = Pattern.compile("([0-9]+)(ms|s|m|h|d)");
        return new ValueType<>() {
            public Duration convert(Object raw) {
                if (!(raw instanceof String s)) throw new IllegalArgumentException(describe());
                Matcher m = p.matcher(s.strip().toLowerCase(Locale.ROOT));
                if (!m.matches()) throw new IllegalArgumentException(describe());
                long n;
                try {
                    n = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(describe());
                }
                Duration d;
                try {
                    d = switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    };
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException(describe());
                }
                if (d.compareTo(min) < 0 || d.compareTo(max) > 0) throw new IllegalArgumentException(describe());
                return d;
            }
            public String render(Duration v) { return TomlReader.quote(text(v)); }
            public String describe() { return "a duration in quotes from \"" + text(min) + "\" to \"" + text(max) + "\" (units ms, s, m, h, d)"; }
        };
    }

    /** The shortest exact text for a duration, in the largest unit that divides it. */
    static String text(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0 && ms != 0) return ms / 86_400_000 + "d";
        if (ms % 3_600_000 == 0 && ms != 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0 && ms != 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }

    /** A URL with one of {@code schemes} and a host, or empty. */
    static ValueType<String> url(String... schemes) {
        Set<String> allowed = Set.of(schemes);
        return new ValueType<>() {
            public String convert(Object raw) {
                String s = text(2048).convert(raw);
                if (s.isEmpty()) return s;
                try {
                    URI u = new URI(s);
                    if (u.getScheme() == null || !allowed.contains(u.getScheme().toLowerCase(Locale.ROOT)) || u.getHost() == null) {
                        throw new IllegalArgumentException(describe());
                    }
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException(describe());
                }
                return s;
            }
            public String render(String v) { return TomlReader.quote(v); }
            public String describe() {
                return "a URL like " + schemes[0] + "://host:port (schemes " + String.join(", ", schemes) + "), or \"\"";
            }
        };
    }
}
