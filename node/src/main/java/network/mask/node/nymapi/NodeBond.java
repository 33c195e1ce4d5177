package network.mask.node.nymapi;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * One node's bond and rewarding state as the mixnet contract keeps it: {@code NymNodeDetails
 * {bond_information: NymNodeBond, rewarding_details: NodeRewarding, pending_changes}}
 * ({@code common/cosmwasm-smart-contracts/mixnet-contract/src/nym_node.rs}, {@code mixnode.rs}),
 * from {@code GET /v1/nym-nodes/bonded} ({@code nym-api/src/nym_nodes/handlers/v1.rs}). Amounts in unym.
 *
 * @param operatorUnym  the operator's pledge plus compounded rewards ({@code rewarding_details.operator})
 * @param delegatesUnym all delegations plus their compounded rewards
 * @param profitMargin  the operator's profit margin, 0..1
 * @param intervalOperatingCostUnym the operating cost the operator asks for a whole interval
 */
public record NodeBond(long nodeId, String identityKey, double originalPledgeUnym, boolean unbonding, double operatorUnym,
                       double delegatesUnym, double profitMargin, double intervalOperatingCostUnym) {

    static final String DENOM = "unym";

    /** The node with this id in a {@code PaginatedResponse<NymNodeDetails>}, or empty when it is not bonded. */
    static Optional<NodeBond> find(JsonValue json, long nodeId) throws NymApiException {
        JsonObject page = Shapes.object(json, "bonded nodes");
        Shapes.object(page, "pagination");
        for (JsonValue v : Shapes.array(page, "data")) {
            JsonObject details = Shapes.object(v, "bonded node");
            JsonObject bond = Shapes.object(details, "bond_information");
            if (Shapes.u32(bond, "node_id") != nodeId) continue;
            JsonObject rewarding = Shapes.object(details, "rewarding_details");
            JsonObject cost = Shapes.object(rewarding, "cost_params");
            return Optional.of(new NodeBond(nodeId, Shapes.key32(Shapes.object(bond, "node"), "identity_key"),
                    Shapes.coinAmount(bond, "original_pledge", DENOM), Shapes.bool(bond, "is_unbonding"),
                    Shapes.decimal(rewarding, "operator"), Shapes.decimal(rewarding, "delegates"),
                    Shapes.percent(cost, "profit_margin_percent"), Shapes.coinAmount(cost, "interval_operating_cost", DENOM)));
        }
        return Optional.empty();
    }
}
