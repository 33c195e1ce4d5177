package network.mask.node.config;

import java.util.function.Function;

/**
 * One setting of the config file: where it lives ({@code section.name}), its type, default,
 * one-line documentation, and how to read it back out of a {@link NodeConfig}.
 */
public final class ConfigKey<T> {

    private final String section;
    private final String name;
    private final ValueType<T> type;
    private final T defaultValue;
    private final String doc;
    private final Function<NodeConfig, T> reader;

    ConfigKey(String section, String name, ValueType<T> type, T defaultValue, String doc, Function<NodeConfig, T> reader) {
        this.section = section;
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.doc = doc;
        this.reader = reader;
    }

    public String section() { return section; }
    public String name() { return name; }
    public String path() { return section + "." + name; }
    public ValueType<T> type() { return type; }
    public T defaultValue() { return defaultValue; }
    public String doc() { return doc; }

    /** This setting's value in {@code config}. */
    public T read(NodeConfig config) {
        return reader.apply(config);
    }

    /**
     * Checks and converts a raw TOML value (String, Long, Double or Boolean); the web setup
     * page can validate a form field the same way.
     *
     * @throws IllegalArgumentException with a message naming the key and what it expects
     */
    public T parse(Object raw) {
        try {
            return type.convert(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path() + ": expected " + e.getMessage() + ", got " + shown(raw));
        }
    }

    /** The value as it is written in the file. */
    public String render(T value) {
        return type.render(value);
    }

    @SuppressWarnings("unchecked")
    String renderUnchecked(Object value) {
        return type.render((T) value);
    }

    /** Whether values of this key are secrets, never to be repeated in messages or logs. */
    public boolean isSecret() {
        return name.contains("password") || name.contains("token");
    }

    private String shown(Object raw) {
        if (isSecret()) {
            return raw instanceof String s ? "a string of " + s.length() + " characters" : "a " + raw.getClass().getSimpleName().toLowerCase();
        }
        if (raw instanceof String s) return TomlReader.quote(s.length() > 60 ? s.substring(0, 60) + "..." : s);
        return String.valueOf(raw);
    }

    @Override
    public String toString() {
        return path();
    }
}
