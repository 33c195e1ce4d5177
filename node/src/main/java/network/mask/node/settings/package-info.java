/**
 * The setup page's settings beyond the wizard's: config keys read and saved by name with the config
 * file's own rules ({@link network.mask.node.settings.ConfigFieldAccess}), and what of the saved
 * configuration waits for a restart ({@link network.mask.node.settings.RestartPending}).
 */
package network.mask.node.settings;
