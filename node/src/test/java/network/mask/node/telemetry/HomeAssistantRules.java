package network.mask.node.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Home Assistant's MQTT discovery rules (../shared/research/anchors.md §3.1), checked field by
 * field on a device-based discovery payload and the state JSON its templates read.
 */
final class HomeAssistantRules {

    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{ value_json\\.([a-z0-9_]+) }}");
    private static final Set<String> ROOT_KEYS = Set.of("dev", "o", "cmps", "avty_t", "pl_avail", "pl_not_avail", "stat_t", "qos");
    private static final Set<String> DEVICE_KEYS = Set.of("ids", "name", "mf", "mdl", "sw", "hw", "sn", "cu");
    private static final Set<String> ORIGIN_KEYS = Set.of("name", "sw", "url");
    private static final Set<String> COMMON_KEYS = Set.of("p", "name", "uniq_id", "dev_cla", "ent_cat", "ic", "en");
    private static final Map<String, Set<String>> PLATFORM_KEYS = Map.of(
            "sensor", Set.of("val_tpl", "stat_cla", "unit_of_meas", "sug_dsp_prc", "exp_aft"),
            "binary_sensor", Set.of("val_tpl", "pl_on", "pl_off", "exp_aft"),
            "button", Set.of("cmd_t", "pl_prs"),
            "update", Set.of("val_tpl", "cmd_t", "pl_inst"));
    private static final Map<String, Set<String>> DEVICE_CLASSES = Map.of(
            "sensor", Set.of("temperature", "data_size", "duration", "data_rate", "timestamp"),
            "binary_sensor", Set.of("running", "problem", "connectivity"),
            "button", Set.of("identify", "restart", "update"),
            "update", Set.of("firmware"));
    /** Units Home Assistant accepts per sensor device class, and the state classes it allows with them. */
    private static final Map<String, Set<String>> UNITS = Map.of(
            "temperature", Set.of("°C", "°F", "K"),
            "data_size", Set.of("B", "kB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB"),
            "duration", Set.of("d", "h", "min", "s", "ms"));
    private static final Map<String, Set<String>> STATE_CLASSES = Map.of(
            "temperature", Set.of("measurement"),
            "data_size", Set.of("measurement", "total", "total_increasing"),
            "duration", Set.of("measurement", "total", "total_increasing"));

    private HomeAssistantRules() {}

    static void assertDeviceDiscovery(JsonObject config, JsonObject state, String nodeId, DeviceInfo device) {
        assertDeviceDiscovery(config, state, nodeId, device, "masknode");
    }

    /**
     * Also operator-parity.md §5: the topic prefix is honoured (D4), the start time is a timestamp
     * and no "uptime" rewritten every interval exists (D1), live entities expire (D2), the
     * per-reason drop rates are diagnostic and disabled by default (D3).
     */
    static void assertDeviceDiscovery(JsonObject config, JsonObject state, String nodeId, DeviceInfo device, String topicPrefix) {
        for (String key : config.keySet()) assertTrue(ROOT_KEYS.contains(key), "undocumented root key " + key);
        JsonObject dev = config.getJsonObject("dev");
        assertNotNull(dev, "device-based discovery must have 'dev' at the root");
        for (String key : dev.keySet()) assertTrue(DEVICE_KEYS.contains(key), "undocumented device key " + key);
        assertFalse(dev.getJsonArray("ids").isEmpty(), "dev.ids must identify the device");
        assertEquals("masknode_" + nodeId, dev.getJsonArray("ids").getString(0));
        assertEquals(device.name(), dev.getString("name"));
        assertEquals(device.softwareVersion(), dev.getString("sw"));
        assertEquals(device.identityKey(), dev.getString("sn"));
        assertEquals(device.configurationUrl(), dev.getString("cu"));
        JsonObject origin = config.getJsonObject("o");
        assertNotNull(origin, "device-based discovery must have 'o' (origin) at the root");
        for (String key : origin.keySet()) assertTrue(ORIGIN_KEYS.contains(key), "undocumented origin key " + key);
        assertFalse(origin.getString("name").isBlank(), "origin needs a name");

        assertEquals(topicPrefix + "/" + nodeId + "/availability", config.getString("avty_t"));
        assertEquals("online", config.getString("pl_avail"));
        assertEquals("offline", config.getString("pl_not_avail"));
        assertEquals(topicPrefix + "/" + nodeId + "/state", config.getString("stat_t"));

        JsonObject cmps = config.getJsonObject("cmps");
        assertFalse(cmps.isEmpty(), "no components");
        Set<String> uniqueIds = new HashSet<>();
        for (Map.Entry<String, JsonValue> entry : cmps.entrySet()) {
            String id = entry.getKey();
            JsonObject c = entry.getValue().asJsonObject();
            assertTrue(ID.matcher(id).matches(), "component id must be [a-zA-Z0-9_-]: " + id);
            String platform = c.getString("p");
            assertTrue(PLATFORM_KEYS.containsKey(platform), "unexpected platform " + platform);
            if (c.size() == 1) continue;   // a removal marker: {"p": platform}
            for (String key : c.keySet()) {
                assertTrue(COMMON_KEYS.contains(key) || PLATFORM_KEYS.get(platform).contains(key),
                        "key " + key + " is not an option of " + platform + " (component " + id + ")");
            }
            String uid = c.getString("uniq_id");
            assertTrue(ID.matcher(uid).matches(), "unique_id characters: " + uid);
            assertTrue(uniqueIds.add(uid), "duplicate unique_id " + uid);
            String name = c.getString("name");
            assertFalse(name.isBlank(), "entity needs a name");
            assertFalse(name.startsWith(device.name()), "entity names must not repeat the device name: " + name);
            if (c.containsKey("ent_cat")) assertTrue(Set.of("config", "diagnostic").contains(c.getString("ent_cat")));
            if (c.containsKey("dev_cla")) {
                assertTrue(DEVICE_CLASSES.get(platform).contains(c.getString("dev_cla")),
                        platform + " cannot have device class " + c.getString("dev_cla"));
            }
            switch (platform) {
                case "sensor" -> assertSensor(id, c, state);
                case "binary_sensor" -> {
                    String value = templateField(id, c, state);
                    // JSON null renders as "None", which Home Assistant shows as unknown.
                    assertTrue(Set.of(c.getString("pl_on"), c.getString("pl_off"), "null").contains(value),
                            id + " state " + value + " is neither payload_on nor payload_off");
                }
                case "button" -> {
                    assertTrue(c.getString("cmd_t").startsWith(topicPrefix + "/" + nodeId + "/command/"), "button command topic");
                    assertEquals("PRESS", c.getString("pl_prs"));
                }
                case "update" -> assertUpdate(id, c, state, nodeId);
                default -> fail("platform " + platform);
            }
        }
        assertStateClass(cmps, "packets_received", "total_increasing");
        assertStateClass(cmps, "packets_forwarded", "total_increasing");
        assertStateClass(cmps, "packets_dropped", "total_increasing");
        assertStateClass(cmps, "replays_rejected", "total_increasing");
        assertStateClass(cmps, "receive_rate", "measurement");
        assertStateClass(cmps, "forward_rate", "measurement");
        assertStateClass(cmps, "drop_rate", "measurement");
        assertStateClass(cmps, "ingress_queue", "measurement");
        assertStateClass(cmps, "egress_queue", "measurement");
        assertStateClass(cmps, "inbound_peers", "measurement");
        assertStateClass(cmps, "outbound_peers", "measurement");
        assertFalse(cmps.containsKey("uptime"), "D1: no uptime value rewritten every interval");
        JsonObject started = cmps.getJsonObject("started");
        assertEquals("timestamp", started.getString("dev_cla"));
        assertFalse(started.containsKey("stat_cla") || started.containsKey("unit_of_meas"), "a timestamp has no state class or unit");
        assertFalse(started.containsKey("exp_aft"), "the start time does not go stale");
        OffsetDateTime.parse(state.getString("started"));   // ISO 8601 with an offset, as HA's timestamp class needs
        assertEquals("diagnostic", started.getString("ent_cat"));
        for (Map.Entry<String, JsonValue> entry : cmps.entrySet()) {
            JsonObject c = entry.getValue().asJsonObject();
            if (c.size() == 1) continue;
            if ("measurement".equals(c.getString("stat_cla", ""))) {
                assertTrue(c.getInt("exp_aft", 0) > 0, "D2: " + entry.getKey() + " must expire when the state stops");
            }
            if (entry.getKey().startsWith("drop_rate_")) {
                assertEquals("diagnostic", c.getString("ent_cat", ""), "D3: " + entry.getKey());
                assertFalse(c.getBoolean("en", true), "D3: " + entry.getKey() + " is disabled by default");
            }
        }
        assertEquals("diagnostic", cmps.getJsonObject("version").getString("ent_cat"));
        assertEquals("running", cmps.getJsonObject("running").getString("dev_cla"));
        assertEquals("identify", cmps.getJsonObject("identify").getString("dev_cla"));
        assertEquals("restart", cmps.getJsonObject("restart").getString("dev_cla"));
    }

    /**
     * Home Assistant's MQTT update: the value template must render a JSON object with at least
     * installed_version (and latest_version); "Install" sends payload_install to the command topic.
     */
    private static void assertUpdate(String id, JsonObject c, JsonObject state, String nodeId) {
        Matcher m = Pattern.compile("\\{\\{ value_json\\.([a-z0-9_]+) \\| tojson }}").matcher(c.getString("val_tpl"));
        assertTrue(m.matches(), id + ": update template " + c.getString("val_tpl"));
        JsonObject fields = state.getJsonObject(m.group(1));
        assertNotNull(fields, id + " reads value_json." + m.group(1) + " which the state does not have");
        for (String key : fields.keySet()) {
            assertTrue(Set.of("installed_version", "latest_version", "title", "release_summary", "release_url", "entity_picture",
                    "in_progress", "update_percentage").contains(key), "undocumented update field " + key);
        }
        assertFalse(fields.getString("installed_version").isBlank());
        assertFalse(fields.getString("latest_version").isBlank());
        if (fields.containsKey("release_summary")) assertTrue(fields.getString("release_summary").length() <= 255, "summary max 255");
        assertTrue(c.getString("cmd_t").startsWith("masknode/" + nodeId + "/command/"), "update command topic");
        assertEquals("PRESS", c.getString("pl_inst"));
    }

    private static void assertSensor(String id, JsonObject c, JsonObject state) {
        String value = templateField(id, c, state);
        String deviceClass = c.containsKey("dev_cla") ? c.getString("dev_cla") : null;
        String stateClass = c.containsKey("stat_cla") ? c.getString("stat_cla") : null;
        if (stateClass != null) {
            assertTrue(Set.of("measurement", "total", "total_increasing").contains(stateClass), "state class " + stateClass);
            if (!value.equals("null")) Double.parseDouble(value);   // a state class means a numeric state
        }
        if (deviceClass != null && UNITS.containsKey(deviceClass)) {
            assertTrue(UNITS.get(deviceClass).contains(c.getString("unit_of_meas")),
                    id + ": unit " + c.getString("unit_of_meas") + " is not valid for " + deviceClass);
            if (stateClass != null) {
                assertTrue(STATE_CLASSES.get(deviceClass).contains(stateClass),
                        id + ": " + deviceClass + " cannot be " + stateClass);
            }
        }
        if (c.containsKey("sug_dsp_prc")) assertTrue(c.getInt("sug_dsp_prc") >= 0);
    }

    /** The state value an entity's template selects; the field must exist in the state JSON. */
    private static String templateField(String id, JsonObject c, JsonObject state) {
        Matcher m = TEMPLATE.matcher(c.getString("val_tpl"));
        assertTrue(m.matches(), id + ": template " + c.getString("val_tpl"));
        String field = m.group(1);
        assertTrue(state.containsKey(field), id + " reads value_json." + field + " which the state does not have");
        JsonValue v = state.get(field);
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    private static void assertStateClass(JsonObject cmps, String id, String stateClass) {
        assertEquals(stateClass, cmps.getJsonObject(id).getString("stat_cla"), id + " state class");
    }
}
