package network.mask.node.setuppage;

import java.util.UUID;
import java.util.function.Supplier;
import network.mask.node.config.NodeConfig;
import network.mask.node.telemetry.MqttSettings;
import network.mask.node.telemetry.OutboundMessage;
import network.mask.node.telemetry.PahoTelemetryPublisher;
import network.mask.node.telemetry.PublisherException;
import network.mask.node.telemetrylink.TelemetrySettings;
import network.mask.webui.spi.MqttTester;

/**
 * The setup page's "test connection": one connect with the form's settings through the same Paho
 * wrapper the telemetry uses, then a clean disconnect (so the test's will is never published).
 * A TLS address is tested with the TLS files the telemetry uses (mqtt.ca_file, client
 * certificate and key), so a test that passes means the telemetry will connect too.
 */
public final class BrokerProbe implements MqttTester {

    private final String nodeId;
    private final Supplier<NodeConfig.Mqtt> saved;

    /** @param saved the config's current MQTT section, read at each test for its TLS files */
    public BrokerProbe(String nodeId, Supplier<NodeConfig.Mqtt> saved) {
        this.nodeId = nodeId;
        this.saved = saved;
    }

    @Override
    public Result test(network.mask.webui.spi.MqttSettings form) {
        MqttSettings settings;
        try {
            settings = TelemetrySettings.fromForm(form, nodeId);
            if (settings.usesTls()) settings = TelemetrySettings.withSavedTlsFiles(settings, saved.get());
        } catch (IllegalArgumentException e) {
            return new Result(false, Problem.SETTINGS, e.getMessage());
        }
        // A client id of its own, so the test never knocks the node's live telemetry session off the broker.
        String clientId = "masknode-test-" + UUID.randomUUID().toString().substring(0, 8);
        PahoTelemetryPublisher publisher = new PahoTelemetryPublisher();
        try {
            publisher.connect(settings, clientId, new OutboundMessage("masknode/" + nodeId + "/test", "", 0, false), () -> {});
            return new Result(true, Problem.NONE, "");
        } catch (PublisherException e) {
            return BrokerTestVerdict.of(e, settings.usesTls());
        } finally {
            publisher.disconnect();
        }
    }
}
