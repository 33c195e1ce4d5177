/**
 * The public node HTTP API, compatible with nym-node's self-described {@code /api/v1} routes
 * (health, build information, roles, description, signed host information, auxiliary details,
 * system information, load, packet statistics and
 * a token-guarded Prometheus endpoint). {@link network.mask.node.api.PublicApiServer} is the entry
 * point.
 */
package network.mask.node.api;
