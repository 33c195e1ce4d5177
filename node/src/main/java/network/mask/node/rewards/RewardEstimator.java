package network.mask.node.rewards;

import java.util.Optional;
import network.mask.node.nymapi.NetworkView;
import network.mask.node.nymapi.NodeBond;
import network.mask.node.nymapi.NodeRole;
import network.mask.node.nymapi.RewardInputs;
import network.mask.node.nymapi.RewardingParams;

/**
 * The mixnet contract's reward for one node and one epoch, followed step by step (facts from
 * nym's source, not its code):
 * <ul>
 * <li>saturation: bond (operator + delegates) and pledge (operator) over the stake saturation
 *     point, each capped at 1 ({@code NodeRewarding::bond_saturation}, {@code pledge_saturation},
 *     {@code mixnet-contract/src/mixnode.rs});</li>
 * <li>work factor: a standby node does {@code 1 / (f*k - (f-1)*k_r)} of the work, an active node
 *     {@code f} times that, with {@code f} the active set work factor, {@code k} the rewarded set size
 *     and {@code k_r} the standby count ({@code IntervalRewardParams::standby_node_work},
 *     {@code reward_params.rs}; chosen by role in {@code nym-api/src/epoch_operations/helpers.rs});
 *     a node outside the rewarded set earns nothing;</li>
 * <li>reward: {@code budget * performance * bond_saturation * (work + alpha * pledge_saturation / k) / (1 + alpha)}
 *     ({@code NodeRewarding::node_reward});</li>
 * <li>split: the operating cost for the epoch ({@code interval cost / epochs in interval * performance})
 *     goes to the operator first; of the profit the operator takes the profit margin plus its
 *     stake's share of the rest; with no profit the operator takes all
 *     ({@code NodeRewarding::determine_reward_split}).</li>
 * </ul>
 * Performance is nym-api's rewarding performance, the annotation's {@code performance_score}
 * ({@code NodeAnnotation::to_rewarding_performance}, {@code nym-api-requests/src/models/node_status.rs}).
 */
public final class RewardEstimator {

    private RewardEstimator() {}

    /** The estimate for the node as the network view shows it now; empty until bond, parameters and performance are known. */
    public static Optional<RewardEstimate> of(NetworkView v) {
        if (v.rewardInputs().isEmpty() || v.performanceScore().isEmpty() || !v.listed()) return Optional.empty();
        return Optional.of(estimate(v.rewardInputs().get(), v.role().orElse(NodeRole.INACTIVE), v.performanceScore().getAsDouble()));
    }

    /** One epoch's reward for this bond in this role at this performance (0..1). */
    public static RewardEstimate estimate(RewardInputs in, NodeRole role, double performance) {
        RewardingParams p = in.params();
        NodeBond bond = in.bond();
        double perf = Math.clamp(performance, 0, 1);
        double work = bond.unbonding() ? 0 : workFactor(p, role);
        double stake = bond.operatorUnym() + bond.delegatesUnym();
        double bondSaturation = Math.min(1, stake / p.stakeSaturationPoint());
        double pledgeSaturation = Math.min(1, bond.operatorUnym() / p.stakeSaturationPoint());
        double alpha = p.sybilResistance();
        double k = p.rewardedSetSize();
        double reward = work == 0 ? 0
                : p.epochRewardBudget() * perf * bondSaturation * (work + alpha * pledgeSaturation / k) / (1 + alpha);
        double cost = bond.intervalOperatingCostUnym() / in.interval().epochsInInterval() * perf;
        double operator;
        double delegates;
        if (reward > cost) {
            double profit = reward - cost;
            double margin = bond.profitMargin();
            double operatorShare = stake > 0 ? bond.operatorUnym() / stake : 1;
            double operatorProfit = profit * (margin + (1 - margin) * operatorShare);
            operator = operatorProfit + cost;
            delegates = profit - operatorProfit;
        } else {
            operator = reward;
            delegates = 0;
        }
        return new RewardEstimate(reward, operator, delegates, Math.min(cost, reward), in.interval(), in.asOf());
    }

    /** The work factor of a node in this role ({@code reward_params.rs}); 0 outside the rewarded set. */
    static double workFactor(RewardingParams p, NodeRole role) {
        double f = p.activeSetWorkFactor();
        double standby = 1 / (f * p.rewardedSetSize() - (f - 1) * p.standby());
        return switch (role) {
            case LAYER1, LAYER2, LAYER3, ENTRY_GATEWAY, EXIT_GATEWAY -> f * standby;
            case STANDBY -> standby;
            case INACTIVE -> 0;
        };
    }
}
