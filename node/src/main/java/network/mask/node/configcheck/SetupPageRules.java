package network.mask.node.configcheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.mask.node.config.ConfigKey;
import network.mask.node.config.ConfigSchema;
import network.mask.node.config.NodeConfig;
import network.mask.webui.spi.LedSettings;
import network.mask.webui.spi.MqttSettings;
import network.mask.webui.spi.NodeSettings;
import network.mask.webui.validation.FieldErrors;
import network.mask.webui.validation.SettingsValidator;

/**
 * The setup page's own rules ({@link SettingsValidator}) applied to a config file, so that
 * {@code masknode config check} refuses what the page would refuse, in the page's words: a home or
 * reserved address as the public host, a port that is the setup page's, a mistyped wallet address,
 * a broker URL the page would not take. Each field the page validates is fed the file's value; a
 * section left at its default (no public host yet, MQTT off, no wallet) is not judged.
 */
public final class SetupPageRules {

    /** Which config key each field of the page writes. */
    private static final Map<String, ConfigKey<?>> FIELD_KEYS = fieldKeys();

    private SetupPageRules() {}

    /** Problems as "key: message", in the page's words; empty when the page would accept every value. */
    public static List<String> check(NodeConfig c) {
        SettingsValidator v = new SettingsValidator(c.admin().port(), c.dev());
        NodeSettings current = new NodeSettings(c.node().name(), c.node().description(), c.mixnet().announceHost(),
                c.mixnet().port(), c.api().port(), c.node().wallet(), MqttSettings.disabled(),
                new LedSettings(c.led().brightness(), c.led().enabled()));
        FieldErrors errors = new FieldErrors();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", c.node().name());
        form.put("description", c.node().description());
        v.identity(current, form::get, errors);

        form.put("publicHost", c.mixnet().announceHost());
        form.put("mixPort", Integer.toString(c.mixnet().port()));
        form.put("apiPort", Integer.toString(c.api().port()));
        FieldErrors network = new FieldErrors();
        v.network(current, form::get, network);
        network.all().forEach((field, message) -> {
            // An empty public host is allowed in the file: the node then announces its interface addresses.
            if (!(field.equals("publicHost") && c.mixnet().announceHost().isEmpty())) errors.add(field, message);
        });

        if (!c.node().wallet().isEmpty()) {
            form.put("wallet", c.node().wallet());
            v.wallet(current, form::get, errors);
        }
        if (c.mqtt().enabled()) {
            form.put("mqttUrl", c.mqtt().url());
            form.put("mqttUser", c.mqtt().username());
            form.put("mqttPassword", c.mqtt().password());
            form.put("mqttTls", c.mqtt().tls() ? "on" : null);
            v.mqtt(current, form::get, errors);
        }
        form.put("ledBrightness", Integer.toString(c.led().brightness()));
        form.put("ledOn", c.led().enabled() ? "on" : null);
        v.led(current, form::get, errors);

        List<String> problems = new ArrayList<>();
        errors.all().forEach((field, message) -> problems.add(keyOf(field) + ": " + message));
        return problems;
    }

    private static String keyOf(String field) {
        ConfigKey<?> k = FIELD_KEYS.get(field);
        return k == null ? field : k.path();
    }

    private static Map<String, ConfigKey<?>> fieldKeys() {
        Map<String, ConfigKey<?>> m = new LinkedHashMap<>();
        m.put("name", ConfigSchema.NODE_NAME);
        m.put("description", ConfigSchema.NODE_DESCRIPTION);
        m.put("publicHost", ConfigSchema.MIX_ANNOUNCE_HOST);
        m.put("mixPort", ConfigSchema.MIX_PORT);
        m.put("apiPort", ConfigSchema.API_PORT);
        m.put("wallet", ConfigSchema.NODE_WALLET);
        m.put("mqttUrl", ConfigSchema.MQTT_URL);
        m.put("mqttUser", ConfigSchema.MQTT_USERNAME);
        m.put("mqttPassword", ConfigSchema.MQTT_PASSWORD);
        m.put("mqttTls", ConfigSchema.MQTT_TLS);
        m.put("ledBrightness", ConfigSchema.LED_BRIGHTNESS);
        return m;
    }
}
