package network.mask.node.nymapi;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * The network's reward parameters for the current interval: {@code RewardingParams {interval:
 * IntervalRewardParams, rewarded_set: RewardedSetParams}}
 * ({@code common/cosmwasm-smart-contracts/mixnet-contract/src/reward_params.rs}), from
 * {@code GET /v1/epoch/reward_params} ({@code nym-api/src/mixnet_contract_cache/handlers.rs}, an
 * {@code Option}: {@code null} until nym-api's contract cache is filled). Amounts are in unym.
 *
 * @param epochRewardBudget    unym the whole rewarded set may earn per epoch
 * @param stakeSaturationPoint unym of stake at which a node is saturated
 * @param sybilResistance      alpha, 0..1
 * @param activeSetWorkFactor  how much more an active node works than a standby one
 */
public record RewardingParams(double rewardPool, double stakingSupply, double stakingSupplyScaleFactor,
                              double epochRewardBudget, double stakeSaturationPoint, double sybilResistance,
                              double activeSetWorkFactor, double intervalPoolEmission,
                              long entryGateways, long exitGateways, long mixnodes, long standby) {

    /** Active plus standby: the nodes that are paid this epoch. */
    public long rewardedSetSize() {
        return entryGateways + exitGateways + mixnodes + standby;
    }

    /** Empty when nym-api has none yet ({@code null}). */
    static Optional<RewardingParams> fromJson(JsonValue json) throws NymApiException {
        if (json == JsonValue.NULL) return Optional.empty();
        JsonObject o = Shapes.object(json, "reward params");
        JsonObject i = Shapes.object(o, "interval");
        JsonObject set = Shapes.object(o, "rewarded_set");
        RewardingParams p = new RewardingParams(Shapes.decimal(i, "reward_pool"), Shapes.decimal(i, "staking_supply"),
                Shapes.percent(i, "staking_supply_scale_factor"), Shapes.decimal(i, "epoch_reward_budget"),
                Shapes.decimal(i, "stake_saturation_point"), Shapes.percent(i, "sybil_resistance"),
                Shapes.decimal(i, "active_set_work_factor"), Shapes.percent(i, "interval_pool_emission"),
                Shapes.u32(set, "entry_gateways"), Shapes.u32(set, "exit_gateways"), Shapes.u32(set, "mixnodes"),
                Shapes.u32(set, "standby"));
        // The contract never lets these be zero (RewardedSetParams::ensure_valid); a zero would divide by zero below.
        if (p.stakeSaturationPoint() <= 0) throw Shapes.malformed("'stake_saturation_point' is zero");
        if (p.activeSetWorkFactor() < 1) throw Shapes.malformed("'active_set_work_factor' is below 1");
        if (p.rewardedSetSize() == 0 || p.mixnodes() == 0) throw Shapes.malformed("the rewarded set has no nodes");
        return Optional.of(p);
    }
}
