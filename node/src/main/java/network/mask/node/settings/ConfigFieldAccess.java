package network.mask.node.settings;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.mask.node.config.ConfigException;
import network.mask.node.config.ConfigKey;
import network.mask.node.config.ConfigSchema;
import network.mask.node.config.ConfigStore;
import network.mask.node.config.NodeConfig;
import network.mask.webui.spi.SettingsRefusedException;

/**
 * Config keys by their path ({@code node.location}), as text both ways: what the setup page's
 * Settings sections show and save beyond the wizard's fields. Saving checks every value with the
 * key's own type (the rules of {@code masknode config check}) and writes the file once, atomically.
 */
public final class ConfigFieldAccess {

    /** Keys the page may change. Others (data_dir, limits, crypto) stay in the config file only. */
    static final List<String> OWNER_KEYS = List.of(
            "node.website", "node.security_contact", "node.location", "node.accepted_operator_terms_and_conditions",
            "mqtt.topic_prefix", "mqtt.discovery_prefix", "mqtt.interval",
            "mqtt.ca_file", "mqtt.client_certificate", "mqtt.client_key",
            "admin.tls", "api.metrics_token", "api.expose_system_info");

    private final ConfigStore store;

    public ConfigFieldAccess(ConfigStore store) {
        this.store = store;
    }

    /** Saved values as text; paths that are unknown here, or not for the page, are left out. */
    public Map<String, String> read(List<String> paths) {
        NodeConfig c = store.current();
        Map<String, String> out = new LinkedHashMap<>();
        for (String path : paths) {
            ConfigKey<?> k = ownerKey(path);
            if (k != null) out.put(path, text(k, c));
        }
        return out;
    }

    /**
     * Checks and saves; all or nothing.
     *
     * @return the new configuration, as saved
     * @throws SettingsRefusedException naming the key and what it expects; nothing written then
     */
    public NodeConfig apply(Map<String, String> values) throws IOException {
        NodeConfig next = store.current();
        StringBuilder problems = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            ConfigKey<?> k = ownerKey(e.getKey());
            if (k == null) {
                problems.append(problems.isEmpty() ? "" : "; ").append(e.getKey()).append(": not a setting the page may change");
                continue;
            }
            try {
                next = with(next, k, e.getValue());
            } catch (IllegalArgumentException ex) {
                problems.append(problems.isEmpty() ? "" : "; ").append(ex.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new SettingsRefusedException(problems.toString(), null);
        try {
            return store.save(next);
        } catch (ConfigException e) {
            throw new SettingsRefusedException(String.join("; ", e.problems()), e);
        }
    }

    private static ConfigKey<?> ownerKey(String path) {
        return OWNER_KEYS.contains(path) ? ConfigSchema.find(path) : null;
    }

    private static <T> NodeConfig with(NodeConfig c, ConfigKey<T> key, String text) {
        return c.with(key, key.parse(raw(key, text)));
    }

    /** The form's text as the raw TOML value the key's type reads (the file would hold the same). */
    private static Object raw(ConfigKey<?> key, String text) {
        Object d = key.defaultValue();
        String t = text.strip();
        if (d instanceof Boolean) {
            if (t.equals("true") || t.equals("false")) return Boolean.parseBoolean(t);
            return t;
        }
        if (d instanceof Integer) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                return t;
            }
        }
        if (d instanceof Double) {
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return t;
            }
        }
        return t;
    }

    static <T> String text(ConfigKey<T> key, NodeConfig c) {
        T v = key.read(c);
        if (v instanceof String s) return s;
        if (v instanceof Duration) {
            String r = key.render(v);
            return r.length() >= 2 && r.startsWith("\"") && r.endsWith("\"") ? r.substring(1, r.length() - 1) : r;
        }
        return String.valueOf(v);
    }
}
