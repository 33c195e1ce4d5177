/**
 * The node's only conversation with nym-api: the network's key-rotation schedule, the topology
 * (semi-skimmed nodes and the rewarded set), lookups of unknown next hops, the signed request to be
 * described again, and this node's own entry in the directory. Runs on its own threads, never on the
 * packet path; keeps a last-known-good copy on disk so a restart without network still works.
 * Routes and shapes follow {@code common/client-libs/validator-client/src/nym_api/mod.rs} and
 * {@code nym-api/nym-api-requests/src/}.
 */
package network.mask.node.nymapi;
