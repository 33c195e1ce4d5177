/**
 * Backup and factory reset: which files hold the box's identity and settings, how a backup is
 * checked before it is restored, and what a reset erases.
 */
package network.mask.node.maintenance;
