package network.mask.node.nymapistandin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stand-in's mixnet contract state for rewards: one set of reward parameters and each
 * registered node's bond, written in nym-api's shapes for {@code GET v1/epoch/reward_params},
 * {@code GET v1/epoch/current} and {@code GET v1/nym-nodes/bonded}. Defaults follow nym: the
 * parameters of its documented mainnet sample
 * ({@code documentation/docs/components/outputs/api-scraping-outputs/reward-params.json}), 720 epochs
 * an interval, a 20 % profit margin and 40 NYM operating cost an interval
 * ({@code common/cosmwasm-smart-contracts/mixnet-contract/src/constants.rs}).
 */
public final class StandInRewards {

    /** {@code IntervalRewardParams} and {@code RewardedSetParams}, as decimal strings where nym has a {@code Decimal}/{@code Percent}. */
    public record Params(String rewardPool, String stakingSupply, String stakingSupplyScaleFactor, String epochRewardBudget,
                         String stakeSaturationPoint, String sybilResistance, String activeSetWorkFactor,
                         String intervalPoolEmission, long entryGateways, long exitGateways, long mixnodes, long standby) {

        /** nym's documented mainnet sample. */
        public static final Params MAINNET_SAMPLE = new Params("166613455567357.391753168447944888",
                "61194672938727.325886595653401629", "0.07342892", "4628151543.537705326476901331",
                "254977803911.363857860815222506", "0.3", "10", "0.02", 80, 100, 60, 0);
    }

    /** One bond: amounts in unym; {@code operator} is the pledge plus compounded rewards. */
    public record Bond(long originalPledgeUnym, BigDecimal operatorUnym, BigDecimal delegatesUnym, String profitMargin,
                       long intervalOperatingCostUnym, boolean unbonding) {

        /** A fresh 100 NYM bond with nym's default cost parameters and no delegations. */
        public static final Bond DEFAULT = new Bond(100_000_000L, BigDecimal.valueOf(100_000_000L), BigDecimal.ZERO, "0.2",
                40_000_000L, false);
    }

    static final long EPOCHS_IN_INTERVAL = 720;

    private volatile Params params = Params.MAINNET_SAMPLE;
    private final Map<Long, Bond> bonds = new ConcurrentHashMap<>();

    public void params(Params p) {
        params = p;
    }

    public void bond(long nodeId, Bond b) {
        bonds.put(nodeId, b);
    }

    Bond bondOf(long nodeId) {
        return bonds.getOrDefault(nodeId, Bond.DEFAULT);
    }

    /** {@code RewardingParams} ({@code mixnet-contract/src/reward_params.rs}). */
    JsonObject rewardParamsJson() {
        Params p = params;
        return Json.createObjectBuilder()
                .add("interval", Json.createObjectBuilder()
                        .add("reward_pool", p.rewardPool()).add("staking_supply", p.stakingSupply())
                        .add("staking_supply_scale_factor", p.stakingSupplyScaleFactor())
                        .add("epoch_reward_budget", p.epochRewardBudget())
                        .add("stake_saturation_point", p.stakeSaturationPoint())
                        .add("sybil_resistance", p.sybilResistance()).add("active_set_work_factor", p.activeSetWorkFactor())
                        .add("interval_pool_emission", p.intervalPoolEmission()))
                .add("rewarded_set", Json.createObjectBuilder()
                        .add("entry_gateways", p.entryGateways()).add("exit_gateways", p.exitGateways())
                        .add("mixnodes", p.mixnodes()).add("standby", p.standby()))
                .build();
    }

    /** {@code Interval} ({@code mixnet-contract/src/interval.rs}): RFC 3339 start, serde's {@code {secs, nanos}} length. */
    static JsonObject intervalJson(EpochClock clock) {
        long epoch = clock.currentEpoch();
        return Json.createObjectBuilder()
                .add("id", epoch / EPOCHS_IN_INTERVAL)
                .add("epochs_in_interval", EPOCHS_IN_INTERVAL)
                .add("current_epoch_start", DateTimeFormatter.ISO_INSTANT.format(clock.schedule().currentEpochStart()))
                .add("current_epoch_id", epoch % EPOCHS_IN_INTERVAL)
                .add("epoch_length", Json.createObjectBuilder()
                        .add("secs", clock.epochDuration().getSeconds()).add("nanos", clock.epochDuration().getNano()))
                .add("total_elapsed_epochs", epoch)
                .build();
    }

    /** {@code NymNodeDetails} ({@code mixnet-contract/src/nym_node.rs}, {@code NodeRewarding} in {@code mixnode.rs}). */
    JsonObject bondedNodeJson(long nodeId, String identityKey, String host) {
        Bond b = bondOf(nodeId);
        return Json.createObjectBuilder()
                .add("bond_information", Json.createObjectBuilder()
                        .add("node_id", nodeId)
                        .add("owner", "n1standin" + nodeId)
                        .add("original_pledge", coin(b.originalPledgeUnym()))
                        .add("bonding_height", 1)
                        .add("is_unbonding", b.unbonding())
                        .add("node", Json.createObjectBuilder().add("host", host).addNull("custom_http_port")
                                .add("identity_key", identityKey)))
                .add("rewarding_details", Json.createObjectBuilder()
                        .add("cost_params", Json.createObjectBuilder().add("profit_margin_percent", b.profitMargin())
                                .add("interval_operating_cost", coin(b.intervalOperatingCostUnym())))
                        .add("operator", b.operatorUnym().toPlainString())
                        .add("delegates", b.delegatesUnym().toPlainString())
                        .add("total_unit_reward", "0")
                        .add("unit_delegation", "1000000000")
                        .add("last_rewarded_epoch", 0)
                        .add("unique_delegations", 0))
                .add("pending_changes", Json.createObjectBuilder().addNull("pledge_change").addNull("cost_params_change"))
                .build();
    }

    /** {@code PaginatedResponse<NymNodeDetails>}: nym-api answers all bonded nodes as page 0 ({@code nym_nodes/handlers/v1.rs}). */
    static JsonObject bondedPage(JsonArrayBuilder data, int total) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("pagination", Json.createObjectBuilder().add("total", total).add("page", 0).add("size", total))
                .add("data", data);
        return b.build();
    }

    private static JsonObject coin(long unym) {
        return Json.createObjectBuilder().add("denom", "unym").add("amount", Long.toString(unym)).build();
    }
}
