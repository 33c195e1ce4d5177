package network.mask.node.config;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import network.mask.node.replay.BloomSizing;

/**
 * Reads {@code masknode.toml}, applies command-line overrides and defaults, and checks the
 * result. Every problem is reported at once, each with its file and line where there is one.
 */
public final class ConfigLoader {

    /** The config file's name inside the data directory. */
    public static final String FILE_NAME = "masknode.toml";
    /** Data directory with {@code --dev} when neither the file nor {@code --data} names one. */
    public static final String DEV_DATA_DIR = "masknode-dev";
    private static final String LOCALHOST = "127.0.0.1";

    private ConfigLoader() {}

    /**
     * What the command line says. Null fields are not given.
     *
     * @param configFile {@code --config FILE}
     * @param dataDir    {@code --data DIR}
     */
    public record Overrides(Path configFile, Path dataDir, Integer mixPort, Integer apiPort, Integer adminPort,
                            String mqttUrl, boolean dev) {
        public static Overrides none() {
            return new Overrides(null, null, null, null, null, null, false);
        }
    }

    /**
     * Loads the configuration for {@code masknode run}: the file named by {@code --config}, else
     * {@code <data dir>/masknode.toml} if it exists, else only defaults; then the flags.
     */
    public static NodeConfig load(Overrides o) throws ConfigException, IOException {
        Path file = o.configFile();
        if (file != null && !Files.isRegularFile(file)) throw new ConfigException(file + ": config file does not exist");
        if (file == null) {
            Path dataDir = o.dataDir() != null ? o.dataDir()
                    : o.dev() ? Path.of(DEV_DATA_DIR).toAbsolutePath() : Path.of(ConfigSchema.NODE_DATA_DIR.defaultValue());
            Path candidate = dataDir.resolve(FILE_NAME);
            file = candidate;
            if (!Files.isRegularFile(candidate)) return finish(new LinkedHashMap<>(), Set.of(), o, candidate);
        }
        Map<ConfigKey<?>, Object> fileValues = parse(ConfigText.read(file), file.toString());
        return finish(fileValues, fileValues.keySet(), o, file);
    }

    /** Reads and checks one file on its own, as {@code masknode config check FILE} does. */
    public static NodeConfig check(Path file) throws ConfigException, IOException {
        if (!Files.isRegularFile(file)) throw new ConfigException(file + ": config file does not exist");
        Map<ConfigKey<?>, Object> fileValues = parse(ConfigText.read(file), file.toString());
        return finish(fileValues, fileValues.keySet(), Overrides.none(), file);
    }

    /** Parses file text into typed values; unknown keys and bad values are all reported. */
    static Map<ConfigKey<?>, Object> parse(String text, String source) throws ConfigException {
        List<String> problems = new ArrayList<>();
        Map<ConfigKey<?>, Object> values = new LinkedHashMap<>();
        for (TomlReader.Entry e : TomlReader.parse(text, source)) {
            ConfigKey<?> key = ConfigSchema.find(e.path());
            if (key == null) {
                problems.add(source + ":" + e.line() + ": " + unknownKey(e));
                continue;
            }
            try {
                values.put(key, key.parse(e.value()));
            } catch (IllegalArgumentException ex) {
                problems.add(source + ":" + e.line() + ": " + ex.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return values;
    }

    private static NodeConfig finish(Map<ConfigKey<?>, Object> fileValues, Set<ConfigKey<?>> fromFile, Overrides o,
                                     Path source) throws ConfigException {
        Map<ConfigKey<?>, Object> values = new LinkedHashMap<>();
        for (ConfigKey<?> k : ConfigSchema.keys()) values.put(k, fileValues.getOrDefault(k, k.defaultValue()));
        if (o.dataDir() != null) values.put(ConfigSchema.NODE_DATA_DIR, o.dataDir().toString());
        else if (o.dev() && !fromFile.contains(ConfigSchema.NODE_DATA_DIR)) {
            values.put(ConfigSchema.NODE_DATA_DIR, Path.of(DEV_DATA_DIR).toAbsolutePath().toString());
        }
        if (o.mixPort() != null) values.put(ConfigSchema.MIX_PORT, o.mixPort());
        if (o.apiPort() != null) values.put(ConfigSchema.API_PORT, o.apiPort());
        if (o.adminPort() != null) values.put(ConfigSchema.ADMIN_PORT, o.adminPort());
        if (o.mqttUrl() != null) {
            values.put(ConfigSchema.MQTT_URL, o.mqttUrl());
            values.put(ConfigSchema.MQTT_ENABLED, true);
        }
        if (o.dev()) {
            // A developer PC: nothing reachable from the network, and local next hops allowed.
            values.put(ConfigSchema.MIX_BIND_HOST, LOCALHOST);
            values.put(ConfigSchema.API_BIND_HOST, LOCALHOST);
            values.put(ConfigSchema.ADMIN_BIND_HOST, LOCALHOST);
            values.put(ConfigSchema.MIX_ALLOW_PRIVATE_NEXT_HOPS, true);
            // A developer PC does not talk to mainnet's nym-api unless the file says so.
            if (!fromFile.contains(ConfigSchema.NET_NYM_API_URLS)) values.put(ConfigSchema.NET_NYM_API_URLS, "");
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<ConfigKey<?>, Object> e : values.entrySet()) {
            try {
                ConfigKey<?> k = e.getKey();
                k.parse(TomlReader.parseValue(k.renderUnchecked(e.getValue()), 0).value());   // flags are checked like file values
            } catch (IllegalArgumentException ex) {
                problems.add("command line: " + ex.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        NodeConfig config = NodeConfig.fromValues(values, o.dev(), source);
        problems.addAll(crossCheck(config));
        if (!problems.isEmpty()) throw new ConfigException(problems.stream().map(p -> source + ": " + p).toList());
        return config;
    }

    /** Rules between settings. */
    public static List<String> crossCheck(NodeConfig c) {
        List<String> problems = new ArrayList<>();
        if (c.mixnet().reconnectInitial().compareTo(c.mixnet().reconnectMax()) > 0) {
            problems.add("mixnet.reconnect_initial (" + ValueType.text(c.mixnet().reconnectInitial())
                    + ") is longer than mixnet.reconnect_max (" + ValueType.text(c.mixnet().reconnectMax()) + ")");
        }
        Set<Integer> ports = new LinkedHashSet<>();
        for (ConfigKey<Integer> k : List.of(ConfigSchema.MIX_PORT, ConfigSchema.API_PORT, ConfigSchema.ADMIN_PORT)) {
            if (!ports.add(k.read(c))) problems.add(k.path() + " = " + k.read(c) + " is already used by another port setting");
        }
        if (c.mqtt().enabled() && c.mqtt().url().isEmpty()) {
            problems.add("mqtt.enabled is true but mqtt.url is empty: set the broker, e.g. url = \"tcp://192.168.1.10:1883\"");
        }
        if (c.mqtt().tls() && !c.mqtt().url().isEmpty()) {
            String scheme = URI.create(c.mqtt().url()).getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("tcp") || scheme.equals("mqtt")) {
                problems.add("mqtt.tls is true but mqtt.url uses " + scheme + "://; use ssl://host:8883 for TLS");
            }
        }
        if (c.limits().maxFrameBytes() < 2417) {
            problems.add("limits.max_frame_bytes = " + c.limits().maxFrameBytes()
                    + " refuses regular 2413-byte packets; use at least 2417");
        }
        try {
            BloomSizing.of(c.replay().expectedTags(), c.replay().falsePositiveRate());
        } catch (IllegalArgumentException e) {
            problems.add("replay.expected_rate x replay.key_lifetime needs a filter larger than 8 GiB; lower one of them");
        }
        problems.addAll(pinClashes(c.board()));
        if (c.mixnet().maxDelay().compareTo(Duration.ofSeconds(60)) > 0) {
            problems.add("mixnet.max_delay above 60s would hold packets longer than senders expect");
        }
        return problems;
    }

    /** Each GPIO may be wired to one thing only: the button, one light, or one leg of the colour light. */
    private static List<String> pinClashes(NodeConfig.Board b) {
        List<String> problems = new ArrayList<>();
        Map<Integer, String> owner = new LinkedHashMap<>();
        Map<String, OptionalInt> single = new LinkedHashMap<>();
        single.put(ConfigSchema.BOARD_BUTTON_BCM.path(), b.button());
        single.put(ConfigSchema.BOARD_STATUS_LED_BCM.path(), b.statusLed());
        single.put(ConfigSchema.BOARD_ALERT_LED_BCM.path(), b.alertLed());
        for (Map.Entry<String, OptionalInt> e : single.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            int pin = e.getValue().getAsInt();
            String before = owner.putIfAbsent(pin, e.getKey());
            if (before != null) problems.add(e.getKey() + " = " + pin + " is already used by " + before);
        }
        for (int pin : b.rgbPins()) {
            String before = owner.putIfAbsent(pin, ConfigSchema.BOARD_RGB_LED.path());
            if (before != null) {
                problems.add(ConfigSchema.BOARD_RGB_LED.path() + " = \"" + b.rgbLed() + "\" uses GPIO " + pin
                        + ", which is already used by " + before);
            }
        }
        return problems;
    }

    private static String unknownKey(TomlReader.Entry e) {
        if (e.section().isEmpty()) {
            return "'" + e.key() + "' is outside any section; settings go under " + sectionList();
        }
        if (!ConfigSchema.sections().containsKey(e.section())) {
            return "unknown section [" + e.section() + "]; sections are " + sectionList();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey<?> k : ConfigSchema.keys()) {
            if (!k.section().equals(e.section())) continue;
            int d = distance(k.name(), e.key());
            if (d < bestDistance) {
                bestDistance = d;
                best = k.name();
            }
        }
        String hint = best != null && bestDistance <= 3 ? " (did you mean '" + best + "'?)" : "";
        return "unknown key '" + e.key() + "' in [" + e.section() + "]" + hint;
    }

    private static String sectionList() {
        return String.join(", ", ConfigSchema.sections().keySet().stream().map(s -> "[" + s + "]").toList());
    }

    /** Levenshtein distance, for "did you mean". */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
