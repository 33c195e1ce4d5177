package network.mask.node.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import network.mask.node.config.ConfigKey;
import network.mask.node.config.ConfigSchema;
import network.mask.node.config.NodeConfig;

/**
 * What of the saved configuration the running node does not use yet: listeners are bound, and the
 * setup page's TLS and the metrics token set up, when the node starts. In the owner's words.
 */
public final class RestartPending {

    private record Watched(ConfigKey<?> key, String words, boolean secret) {}

    private static final List<Watched> BOUND_AT_START = List.of(
            new Watched(ConfigSchema.MIX_ANNOUNCE_HOST, "public address", false),
            new Watched(ConfigSchema.MIX_PORT, "mix port", false),
            new Watched(ConfigSchema.MIX_ANNOUNCE_PORT, "announced mix port", false),
            new Watched(ConfigSchema.API_PORT, "API port", false),
            new Watched(ConfigSchema.ADMIN_TLS, "HTTPS for this page", false),
            new Watched(ConfigSchema.API_METRICS_TOKEN, "Prometheus token", true));

    private RestartPending() {}

    /** E.g. "mix port 1790 (the node listens on 1789 until it restarts)"; empty when nothing waits. */
    public static List<String> between(NodeConfig running, NodeConfig saved) {
        List<String> out = new ArrayList<>();
        for (Watched w : BOUND_AT_START) {
            String now = ConfigFieldAccess.text(w.key(), running);
            String next = ConfigFieldAccess.text(w.key(), saved);
            if (Objects.equals(now, next)) continue;
            if (w.secret()) {
                out.add(w.words() + " changed (the node uses the old one until it restarts)");
            } else {
                out.add(w.words() + " " + shown(next) + " (now " + shown(now) + " until the restart)");
            }
        }
        return out;
    }

    private static String shown(String v) {
        return switch (v) {
            case "" -> "not set";
            case "true" -> "on";
            case "false" -> "off";
            default -> v;
        };
    }
}
