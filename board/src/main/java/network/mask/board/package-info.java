/**
 * The box's own user interface: status LEDs, the push button and board health. The node talks to
 * it only through {@link network.mask.board.Board} and the listener interfaces here; this module
 * never depends on the node.
 */
package network.mask.board;
