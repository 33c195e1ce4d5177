package network.mask.node.telemetry;

import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;
import java.util.Map;

/**
 * The device-based discovery payload for {@code <prefix>/device/<node_id>/config}: the shared
 * {@code dev} (device) and {@code o} (origin) blocks, shared availability and state topics, and
 * one {@code cmps} entry per entity with its platform {@code p} and a {@code uniq_id}. Keys use
 * Home Assistant's documented abbreviations. An entity that went away is sent once as
 * {@code {"p": platform}} only, which is how Home Assistant removes a component of a device
 * config, before the config without it is published.
 */
final class DiscoveryDocument {

    private DiscoveryDocument() {}

    static String json(DeviceInfo device, Topics topics, Collection<Entity> entities, Map<String, String> removedPlatforms) {
        return json(device, topics, entities, removedPlatforms, null);
    }

    /**
     * @param interval the state interval; entities read from each state message then expire after
     *                 three of them without one ({@code exp_aft}), so a stalled node shows "unavailable"
     *                 even while its connection (and so its Last Will) stays up. Null: no expiry.
     */
    static String json(DeviceInfo device, Topics topics, Collection<Entity> entities, Map<String, String> removedPlatforms,
                       Duration interval) {
        JsonObjectBuilder root = Json.createObjectBuilder();
        root.add("dev", deviceBlock(device, topics));
        root.add("o", originBlock(device));
        root.add("avty_t", topics.availability());
        root.add("pl_avail", Topics.ONLINE);
        root.add("pl_not_avail", Topics.OFFLINE);
        root.add("stat_t", topics.state());
        root.add("qos", 1);
        JsonObjectBuilder components = Json.createObjectBuilder();
        for (Entity e : entities) components.add(e.key(), component(e, topics, interval));
        removedPlatforms.forEach((key, platform) -> components.add(key, Json.createObjectBuilder().add("p", platform)));
        root.add("cmps", components);
        return root.build().toString();
    }

    static String deviceIdentifier(Topics topics) {
        return Topics.ROOT + "_" + topics.nodeId();   // not the topic prefix: the device stays the same device when it changes
    }

    static String uniqueId(Topics topics, Entity e) {
        return deviceIdentifier(topics) + "_" + e.key();
    }

    private static JsonObjectBuilder deviceBlock(DeviceInfo device, Topics topics) {
        JsonObjectBuilder dev = Json.createObjectBuilder()
                .add("ids", Json.createArrayBuilder().add(deviceIdentifier(topics)))
                .add("name", device.name())
                .add("mf", DeviceInfo.MANUFACTURER)
                .add("mdl", DeviceInfo.MODEL)
                .add("sw", device.softwareVersion());
        if (device.hardwareVersion() != null) dev.add("hw", device.hardwareVersion());
        if (device.identityKey() != null) dev.add("sn", device.identityKey());
        if (device.configurationUrl() != null) dev.add("cu", device.configurationUrl());
        return dev;
    }

    private static JsonObjectBuilder originBlock(DeviceInfo device) {
        JsonObjectBuilder origin = Json.createObjectBuilder()
                .add("name", DeviceInfo.ORIGIN_NAME)
                .add("sw", device.softwareVersion());
        if (device.supportUrl() != null) origin.add("url", device.supportUrl());
        return origin;
    }

    private static JsonObjectBuilder component(Entity e, Topics topics, Duration interval) {
        JsonObjectBuilder c = Json.createObjectBuilder()
                .add("p", e.platform())
                .add("name", e.name())
                .add("uniq_id", uniqueId(topics, e));
        if (e.platform().equals(Entity.UPDATE)) {
            // Home Assistant's MQTT update: the template renders the state's object as the JSON it reads
            // (installed_version, latest_version, title, release_summary, release_url, in_progress).
            c.add("val_tpl", "{{ value_json." + e.key() + " | tojson }}");
            c.add("cmd_t", topics.command(e.command()));
            c.add("pl_inst", MqttTelemetry.PRESS);
        } else if (e.command() != null) {
            c.add("cmd_t", topics.command(e.command()));
            c.add("pl_prs", MqttTelemetry.PRESS);
        } else {
            c.add("val_tpl", "{{ value_json." + e.key() + " }}");
        }
        if (e.deviceClass() != null) c.add("dev_cla", e.deviceClass());
        if (e.stateClass() != null) c.add("stat_cla", e.stateClass());
        if (e.unit() != null) c.add("unit_of_meas", e.unit());
        if (e.entityCategory() != null) c.add("ent_cat", e.entityCategory());
        if (e.icon() != null) c.add("ic", e.icon());
        if (e.displayPrecision() != null) c.add("sug_dsp_prc", e.displayPrecision());
        if (!e.enabledByDefault()) c.add("en", false);
        if (interval != null && e.readsLiveState()) c.add("exp_aft", Math.max(1, interval.multipliedBy(3).toSeconds()));
        if (e.platform().equals(Entity.BINARY_SENSOR)) {
            c.add("pl_on", "ON");
            c.add("pl_off", "OFF");
        }
        return c;
    }
}
