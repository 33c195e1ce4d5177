/**
 * Updates of the node itself (issue 15, contract in {@code docs/updates.md}): the signed release
 * feed, its verification (minisign ed25519, SHA-256 of the bundle), versioned installs switched
 * by one symlink rename, and the health gate that keeps a new version or rolls back to the last
 * good one. The node only reads the updater's state and writes the owner's wishes; the install
 * itself runs in {@code masknode-update.service}, from code that already passed its gate.
 */
package network.mask.node.update;
