/**
 * The setup page's service interfaces ({@code network.mask.webui.spi}) implemented by the node:
 * settings kept in the config file, the admin password and TLS files, the live dashboard, the log
 * tail, bonding signatures and the MQTT connection test; and the admin service that serves the page.
 */
package network.mask.node.setuppage;
