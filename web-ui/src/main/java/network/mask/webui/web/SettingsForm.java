package network.mask.webui.web;

import java.util.HashMap;
import java.util.Map;

import network.mask.webui.spi.NodeSettings;

/** Stored settings as form field values. The MQTT password is never sent back to the browser. */
final class SettingsForm {

    private SettingsForm() {
    }

    static Map<String, String> values(NodeSettings s) {
        Map<String, String> v = new HashMap<>();
        v.put("name", s.name());
        v.put("description", s.description());
        v.put("publicHost", s.publicHost());
        v.put("mixPort", s.mixPort() > 0 ? Integer.toString(s.mixPort()) : "");
        v.put("apiPort", s.apiPort() > 0 ? Integer.toString(s.apiPort()) : "");
        v.put("wallet", s.wallet());
        v.put("mqttUrl", s.mqtt().url());
        v.put("mqttUser", s.mqtt().user());
        v.put("mqttPassword", "");
        v.put("ledBrightness", Integer.toString(s.led().brightnessPercent()));
        v.put("ledOn", s.led().on() ? "on" : "");
        return v;
    }

    /** What the visitor posted, for showing the form again with their input and the errors. */
    static Map<String, String> values(Form form, String... names) {
        Map<String, String> v = new HashMap<>();
        for (String n : names) {
            String value = form.get(n);
            v.put(n, value == null ? "" : value);
        }
        return v;
    }

    /** Whether the wizard has been through the fields a working node needs. */
    static boolean complete(NodeSettings s) {
        return !s.name().isEmpty() && !s.publicHost().isEmpty();
    }
}
