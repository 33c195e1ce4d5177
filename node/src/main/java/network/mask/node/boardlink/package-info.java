/**
 * The board's side of the node: opens the LEDs, button and health readings from the config,
 * feeds the board what the node is doing, and mirrors the LEDs and packet rates for the dashboard.
 */
package network.mask.node.boardlink;
