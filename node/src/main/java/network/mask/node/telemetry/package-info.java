/**
 * MQTT telemetry for Home Assistant and any MQTT dashboard: device-based discovery, a state JSON
 * per interval, retained availability with an {@code offline} Last Will, and identify/restart
 * buttons. {@link network.mask.node.telemetry.MqttTelemetry} is the entry point; Paho is used only
 * behind {@link network.mask.node.telemetry.TelemetryPublisher}. Nothing here runs on the mixing
 * path: the node's metrics are pulled by the telemetry's own thread.
 */
package network.mask.node.telemetry;
