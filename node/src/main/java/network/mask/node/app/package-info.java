/**
 * The appliance: what lives as long as the process (board, systemd, restart requests) and the
 * composition of one start's services from the adapter packages ({@code boardlink}, {@code setuppage},
 * {@code claim}, {@code maintenance}, {@code telemetrylink}, {@code apilink}). Wiring only.
 */
package network.mask.node.app;
