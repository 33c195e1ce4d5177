package network.mask.node.nymapi;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * The nodes chosen for the current epoch, by node id: {@code RewardedSetResponse}
 * ({@code nym-api/nym-api-requests/src/models/mixnet.rs}), from {@code GET /v1/nym-nodes/rewarded-set}.
 */
public record RewardedSet(long epochId, List<Long> entryGateways, List<Long> exitGateways, List<Long> layer1,
                          List<Long> layer2, List<Long> layer3, List<Long> standby) {

    /** The role the given node has in this set. */
    public NodeRole roleOf(long nodeId) {
        if (layer1.contains(nodeId)) return NodeRole.LAYER1;
        if (layer2.contains(nodeId)) return NodeRole.LAYER2;
        if (layer3.contains(nodeId)) return NodeRole.LAYER3;
        if (entryGateways.contains(nodeId)) return NodeRole.ENTRY_GATEWAY;
        if (exitGateways.contains(nodeId)) return NodeRole.EXIT_GATEWAY;
        if (standby.contains(nodeId)) return NodeRole.STANDBY;
        return NodeRole.INACTIVE;
    }

    static RewardedSet fromJson(JsonValue json) throws NymApiException {
        JsonObject o = Shapes.object(json, "rewarded set");
        // epoch_id is #[serde(default)]
        long epoch = o.containsKey("epoch_id") ? Shapes.u32(o, "epoch_id") : 0;
        return new RewardedSet(epoch, Shapes.u32List(o, "entry_gateways"), Shapes.u32List(o, "exit_gateways"),
                Shapes.u32List(o, "layer1"), Shapes.u32List(o, "layer2"), Shapes.u32List(o, "layer3"),
                Shapes.u32List(o, "standby"));
    }
}
