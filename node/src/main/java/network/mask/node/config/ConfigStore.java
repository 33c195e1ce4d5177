package network.mask.node.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import network.mask.node.storage.AtomicFiles;

/**
 * Saves configuration changes (the setup page's) to the config file, atomically and readable by
 * its owner only (it may hold the MQTT password and the metrics token).
 * <p>
 * Only settings that differ from the configuration this store started from are written, and
 * they are written in place: the operator's comments and layout stay, and command-line
 * overrides (which are part of the running configuration) never leak into the file.
 * A setting not yet in the file replaces its commented-out template line, or is appended to its
 * section. The running node does not reload: changes apply at the next start.
 */
public final class ConfigStore {

    private final Path file;
    private NodeConfig baseline;

    /** A store for the file {@code loaded} was read from (or will be created at). */
    public ConfigStore(NodeConfig loaded) {
        this(loaded.source() != null ? loaded.source() : loaded.node().dataDir().resolve(ConfigLoader.FILE_NAME), loaded);
    }

    public ConfigStore(Path file, NodeConfig baseline) {
        this.file = file;
        this.baseline = baseline;
    }

    public Path file() {
        return file;
    }

    /** The configuration as last loaded or saved. */
    public synchronized NodeConfig current() {
        return baseline;
    }

    /**
     * Validates {@code updated} and writes what changed.
     *
     * @return {@code updated}, now the baseline
     * @throws ConfigException if a value is out of range or settings contradict each other
     */
    public synchronized NodeConfig save(NodeConfig updated) throws ConfigException, IOException {
        validate(updated);
        Map<ConfigKey<?>, Object> changes = new LinkedHashMap<>();
        Map<ConfigKey<?>, Object> before = baseline.values();
        updated.values().forEach((k, v) -> {
            if (!Objects.equals(before.get(k), v)) changes.put(k, v);
        });
        if (changes.isEmpty() && Files.exists(file)) {
            baseline = updated;
            return updated;
        }
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : render(NodeConfig.defaults());
        write(file, apply(text, changes));
        baseline = updated;
        return updated;
    }

    /** Writes a complete config file for {@code config}: defaults commented out, other values set. */
    public static void writeFull(Path target, NodeConfig config) throws ConfigException, IOException {
        validate(config);
        write(target, render(config));
    }

    private static void write(Path target, String text) throws IOException {
        AtomicFiles.writeSecret(target, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void validate(NodeConfig c) throws ConfigException {
        List<String> problems = new ArrayList<>();
        c.values().forEach((k, v) -> {
            try {
                k.parse(TomlReader.parseValue(k.renderUnchecked(v), 0).value());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        });
        problems.addAll(ConfigLoader.crossCheck(c));
        if (!problems.isEmpty()) throw new ConfigException(problems);
    }

    /**
     * The documented file: a comment per section and per key; keys at their default are written
     * commented out, so future default changes still reach this node.
     */
    public static String render(NodeConfig config) {
        StringBuilder out = new StringBuilder();
        out.append("# Mask Node configuration. Format: TOML (key = value; text in double quotes; durations like \"10s\").\n");
        out.append("# Lines starting with # are comments; a commented-out key shows its default.\n");
        out.append("# Check this file with: masknode config check FILE\n");
        Map<ConfigKey<?>, Object> values = config.values();
        for (Map.Entry<String, String> section : ConfigSchema.sections().entrySet()) {
            out.append('\n');
            for (String line : section.getValue().split("\n")) out.append("# ").append(line).append('\n');
            out.append('[').append(section.getKey()).append("]\n");
            for (ConfigKey<?> k : ConfigSchema.keys()) {
                if (!k.section().equals(section.getKey())) continue;
                for (String line : k.doc().split("\n")) out.append("# ").append(line).append('\n');
                Object v = values.get(k);
                boolean isDefault = Objects.equals(v, k.defaultValue());
                out.append(isDefault ? "# " : "").append(k.name()).append(" = ").append(k.renderUnchecked(v)).append('\n');
            }
        }
        return out.toString();
    }

    /** Rewrites {@code text} with {@code changes} applied, keeping everything else as it is. */
    static String apply(String text, Map<ConfigKey<?>, Object> changes) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        Map<ConfigKey<?>, Object> pending = new LinkedHashMap<>(changes);
        // 1. Active lines: replace the value, keep indentation and any trailing comment.
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.startsWith("[")) {
                section = t.substring(1, Math.max(1, t.indexOf(']'))).strip();
                continue;
            }
            if (t.startsWith("#") || !t.contains("=")) continue;
            ConfigKey<?> k = ConfigSchema.find(section + "." + t.substring(0, t.indexOf('=')).strip());
            if (k == null || !pending.containsKey(k)) continue;
            String line = lines.get(i);
            TomlReader.ValueSpan span = TomlReader.parseValue(line, line.indexOf('=') + 1);
            lines.set(i, line.substring(0, span.start()) + k.renderUnchecked(pending.remove(k)) + line.substring(span.end()));
        }
        // 2. Commented-out template lines ("# key = default") become active.
        section = "";
        for (int i = 0; i < lines.size() && !pending.isEmpty(); i++) {
            String t = lines.get(i).strip();
            if (t.startsWith("[")) {
                section = t.substring(1, Math.max(1, t.indexOf(']'))).strip();
                continue;
            }
            if (!t.startsWith("#")) continue;
            String body = t.substring(1).strip();
            int eq = body.indexOf('=');
            if (eq <= 0) continue;
            ConfigKey<?> k = ConfigSchema.find(section + "." + body.substring(0, eq).strip());
            if (k != null && pending.containsKey(k)) lines.set(i, k.name() + " = " + k.renderUnchecked(pending.remove(k)));
        }
        // 3. Anything else goes at the end of its section, or into a new section at the end.
        for (Map.Entry<ConfigKey<?>, Object> e : pending.entrySet()) {
            ConfigKey<?> k = e.getKey();
            String entry = k.name() + " = " + k.renderUnchecked(e.getValue());
            int insertAt = sectionEnd(lines, k.section());
            if (insertAt < 0) {
                if (!lines.isEmpty() && lines.getLast().isEmpty()) lines.removeLast();
                lines.add("");
                lines.add("[" + k.section() + "]");
                lines.add(entry);
                lines.add("");
            } else {
                lines.add(insertAt, entry);
            }
        }
        return String.join("\n", lines);
    }

    /** Index just after the last non-blank line of {@code section}, or -1 if the file has no such section. */
    private static int sectionEnd(List<String> lines, String section) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.startsWith("[") && t.substring(1, Math.max(1, t.indexOf(']'))).strip().equals(section)) {
                start = i;
                break;
            }
        }
        if (start < 0) return -1;
        int lastContent = start;
        for (int i = start + 1; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.startsWith("[")) break;
            if (!t.isEmpty() && !t.startsWith("#")) lastContent = i;
        }
        return lastContent + 1;
    }
}
