package network.mask.node.telemetrylink;

import java.util.Optional;
import network.mask.node.config.NodeConfig;
import network.mask.node.daemon.NodeService;
import network.mask.node.metrics.MetricsSource;
import network.mask.node.telemetry.DeviceInfo;
import network.mask.node.telemetry.HealthSource;
import network.mask.node.telemetry.MqttSettings;
import network.mask.node.telemetry.MqttTelemetry;
import network.mask.node.telemetry.NetworkSource;
import network.mask.node.telemetry.NodeActions;
import network.mask.node.telemetry.PahoTelemetryPublisher;
import network.mask.node.telemetry.TelemetryStatus;

/**
 * MQTT telemetry for the node's lifetime, configured from {@code mqtt.*} (or {@code --mqtt URL})
 * and reconfigured live by the setup page. Stopping publishes a last state and {@code offline}.
 */
public final class TelemetryService implements NodeService {

    private static final System.Logger LOG = System.getLogger(TelemetryService.class.getName());

    private static final java.time.Duration FORGET_TIMEOUT = java.time.Duration.ofSeconds(5);

    private final MqttTelemetry telemetry;
    private final String nodeId;
    private final NodeConfig initial;
    private volatile boolean enabled;

    public TelemetryService(NodeConfig config, DeviceInfo device, String nodeId, MetricsSource metrics, HealthSource health,
                            NodeActions actions) {
        this(config, device, nodeId, metrics, health, actions, () -> { });
    }

    /** @param onOversizedMessage counts an MQTT message refused for its size */
    public TelemetryService(NodeConfig config, DeviceInfo device, String nodeId, MetricsSource metrics, HealthSource health,
                            NodeActions actions, Runnable onOversizedMessage) {
        this.telemetry = new MqttTelemetry(device, metrics, health, actions, new PahoTelemetryPublisher(onOversizedMessage),
                MqttTelemetry.Options.defaults());
        this.nodeId = nodeId;
        this.initial = config;
    }

    /** Publishes the node's status condition code as the state's {@code state} field (before start). */
    public TelemetryService reportStatus(java.util.function.Supplier<String> code) {
        telemetry.reportStatus(code);
        return this;
    }

    /** Home Assistant's update entity for the box's own updates (docs/updates.md). */
    public TelemetryService withFirmwareUpdates(network.mask.node.telemetry.FirmwareUpdates updates) {
        telemetry.withFirmwareUpdates(updates);
        return this;
    }

    @Override
    public void start() {
        telemetry.start();
        reconfigure(initial);
    }

    /** Applies the config's MQTT settings without a restart; an unusable setting is logged and leaves MQTT off. */
    public void reconfigure(NodeConfig config) {
        Optional<MqttSettings> settings;
        try {
            settings = TelemetrySettings.fromConfig(config.mqtt(), nodeId);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "MQTT settings unusable, telemetry stays off: " + e.getMessage());
            settings = Optional.empty();
        }
        enabled = settings.isPresent();
        if (settings.isPresent()) telemetry.reconfigure(settings.get());
        else telemetry.disable();
    }

    /** Whether MQTT is meant to be on (then a broker problem is worth showing on the LEDs). */
    public boolean enabled() {
        return enabled;
    }

    /** Reports the network's view of the node to Home Assistant from the next state on. */
    public void reportNetwork(NetworkSource source) {
        telemetry.reportNetwork(source);
    }

    /**
     * Removes this device from the broker (empty retained discovery, state, availability) and
     * switches MQTT off, waiting a few seconds at most: run before a factory reset erases the
     * identity the device is known by.
     */
    public void forgetDevice() {
        if (!telemetry.forgetDevice(FORGET_TIMEOUT)) {
            LOG.log(System.Logger.Level.INFO, "MQTT: the broker could not be told to forget this device; "
                    + "delete it in Home Assistant if it stays");
        }
    }

    public TelemetryStatus status() {
        return telemetry.status();
    }

    public String nodeId() {
        return nodeId;
    }

    @Override
    public void stop() {
        telemetry.close();
    }

    @Override
    public String name() {
        return "MQTT telemetry";
    }
}
