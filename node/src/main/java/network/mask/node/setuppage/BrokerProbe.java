package network.mask.node.setuppage;

import java.util.UUID;
import network.mask.node.telemetry.MqttSettings;
import network.mask.node.telemetry.OutboundMessage;
import network.mask.node.telemetry.PahoTelemetryPublisher;
import network.mask.node.telemetry.PublisherException;
import network.mask.node.telemetrylink.TelemetrySettings;
import network.mask.webui.spi.MqttTester;

/**
 * The setup page's "test connection": one connect with the form's settings through the same Paho
 * wrapper the telemetry uses, then a clean disconnect (so the test's will is never published).
 */
public final class BrokerProbe implements MqttTester {

    private final String nodeId;

    public BrokerProbe(String nodeId) {
        this.nodeId = nodeId;
    }

    @Override
    public Result test(network.mask.webui.spi.MqttSettings form) {
        MqttSettings settings;
        try {
            settings = TelemetrySettings.fromForm(form, nodeId);
        } catch (IllegalArgumentException e) {
            return new Result(false, e.getMessage());
        }
        // A client id of its own, so the test never knocks the node's live telemetry session off the broker.
        String clientId = "masknode-test-" + UUID.randomUUID().toString().substring(0, 8);
        PahoTelemetryPublisher publisher = new PahoTelemetryPublisher();
        try {
            publisher.connect(settings, clientId, new OutboundMessage("masknode/" + nodeId + "/test", "", 0, false), () -> {});
            return new Result(true, "Connected to " + settings.brokerUrl() + (settings.username() == null ? "" : " as " + settings.username()));
        } catch (PublisherException e) {
            return new Result(false, e.getMessage());
        } finally {
            publisher.disconnect();
        }
    }
}
