/**
 * The node's status for its owner, derived from facts: one ordered list of conditions, each with a
 * plain sentence and the page that fixes it, shared by the dashboard, the LEDs and MQTT.
 */
package network.mask.node.status;
