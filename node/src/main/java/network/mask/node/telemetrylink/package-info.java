/**
 * MQTT telemetry wired into the node's lifetime: the settings taken from {@code mqtt.*} and the
 * service that starts, reconfigures and stops {@code network.mask.node.telemetry}.
 */
package network.mask.node.telemetrylink;
