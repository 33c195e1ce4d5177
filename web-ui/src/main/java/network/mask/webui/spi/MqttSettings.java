package network.mask.webui.spi;

import java.util.Objects;

/**
 * Telemetry broker connection. {@code url} is normalised by the web-ui to {@code tcp://host:port}
 * or {@code ssl://host:port} (Paho's schemes); an empty url means MQTT is off.
 */
public record MqttSettings(String url, String user, String password, boolean tls) {

    public MqttSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    public static MqttSettings disabled() {
        return new MqttSettings("", "", "", false);
    }

    public boolean enabled() {
        return !url.isEmpty();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "MqttSettings[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", tls=" + tls + "]";
    }
}
