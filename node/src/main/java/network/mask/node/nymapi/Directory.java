package network.mask.node.nymapi;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import network.mask.node.rotation.RotationSchedule;

/**
 * One consistent reading of the network: the rotation schedule, the node list and the rewarded set,
 * with the JSON they came from (so the last-known-good copy is nym-api's own shapes).
 *
 * @param asOf when this content was read from nym-api
 */
public record Directory(RotationSchedule schedule, List<DirectoryNode> nodes, RewardedSet rewardedSet,
                        JsonValue scheduleJson, JsonArray nodesJson, JsonValue rewardedSetJson, Instant asOf) {

    public Directory {
        nodes = List.copyOf(nodes);
    }

    /**
     * What routing depends on: schedule, node ids, addresses, ports, keys and roles. Performance
     * figures change every refresh and are left out, so the copy on disk is rewritten only when
     * something that matters changed (an SD card lives longer).
     */
    String routingFingerprint() {
        StringBuilder sb = new StringBuilder(schedule.toString()).append('|').append(rewardedSet);
        for (DirectoryNode n : nodes) {
            sb.append('|').append(n.nodeId()).append(',').append(n.identityKey()).append(',').append(n.ipAddresses())
                    .append(',').append(n.mixPort()).append(',').append(n.sphinxKeyBase58()).append(',').append(n.role());
        }
        return sb.toString();
    }

    public DirectoryNode find(String identityKey) {
        for (DirectoryNode n : nodes) if (n.identityKey().equals(identityKey)) return n;
        return null;
    }
}
