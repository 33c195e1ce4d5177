/**
 * Estimates what this node earns, by the mixnet contract's own formula
 * ({@code common/cosmwasm-smart-contracts/mixnet-contract/src/mixnode.rs}, {@code reward_params.rs};
 * work factors as {@code nym-api/src/epoch_operations/helpers.rs}), from what nym-api tells: the
 * reward parameters, the node's bond, its role and its performance. nym-api has no per-node reward
 * route, so every figure here is an estimate, and says so wherever it is shown.
 */
package network.mask.node.rewards;
