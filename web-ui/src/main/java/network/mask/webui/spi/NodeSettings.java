package network.mask.webui.spi;

import java.util.Objects;

/**
 * Everything the owner can set on the setup page. Empty strings mean "not set yet" (a fresh box).
 *
 * @param name        operator-chosen name, served by the public API's description endpoint
 * @param description free text, served by the same endpoint
 * @param publicHost  DNS name or IP literal the node announces to the network
 * @param mixPort     TCP port for mix traffic (Nym default 1789)
 * @param apiPort     TCP port of the public HTTP API (Nym default 8080)
 * @param wallet      Nyx bech32 account address ({@code n1...}), lowercase
 * @param mqtt        telemetry broker; {@link MqttSettings#disabled()} when not used
 * @param led         status LED preferences
 */
public record NodeSettings(
        String name,
        String description,
        String publicHost,
        int mixPort,
        int apiPort,
        String wallet,
        MqttSettings mqtt,
        LedSettings led) {

    public NodeSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(publicHost, "publicHost");
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(led, "led");
    }

    public NodeSettings withIdentity(String newName, String newDescription) {
        return new NodeSettings(newName, newDescription, publicHost, mixPort, apiPort, wallet, mqtt, led);
    }

    public NodeSettings withNetwork(String newHost, int newMixPort, int newApiPort) {
        return new NodeSettings(name, description, newHost, newMixPort, newApiPort, wallet, mqtt, led);
    }

    public NodeSettings withWallet(String newWallet) {
        return new NodeSettings(name, description, publicHost, mixPort, apiPort, newWallet, mqtt, led);
    }

    public NodeSettings withMqtt(MqttSettings newMqtt) {
        return new NodeSettings(name, description, publicHost, mixPort, apiPort, wallet, newMqtt, led);
    }

    public NodeSettings withLed(LedSettings newLed) {
        return new NodeSettings(name, description, publicHost, mixPort, apiPort, wallet, mqtt, newLed);
    }
}
