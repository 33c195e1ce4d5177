package network.mask.node.status;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import network.mask.node.nymapi.NetworkView;
import network.mask.node.nymapi.NodeRole;

/**
 * What the network's directory (nym-api) says about this node, as far as the status needs it.
 *
 * @param asked whether the node asks a nym-api at all ({@code [network] nym_api_urls} set)
 * @param reachable whether the last request reached a nym-api that answered well
 * @param everAnswered whether any nym-api has answered since the node started (or from the saved copy)
 * @param unreachableSince since when none answers, if none does now
 * @param lastError the last failure in words ("" when none)
 * @param listed whether the directory lists this node (nym-api lists nodes it has described, with their bond)
 * @param nodeId the bonded node id, when listed
 * @param role the role this epoch, when listed
 * @param configScore nym-api's config score, when given (0 = never selected)
 */
public record DirectoryFacts(boolean asked, boolean reachable, boolean everAnswered, Optional<Instant> unreachableSince,
                             String lastError, boolean listed, OptionalLong nodeId, Optional<NodeRole> role,
                             OptionalDouble configScore) {

    /** No nym-api configured. */
    public static DirectoryFacts notAsked() {
        return new DirectoryFacts(false, false, false, Optional.empty(), "", false, OptionalLong.empty(), Optional.empty(),
                OptionalDouble.empty());
    }

    public static DirectoryFacts of(Optional<NetworkView> view) {
        if (view.isEmpty()) return notAsked();
        NetworkView v = view.get();
        return new DirectoryFacts(true, v.apiReachable(), v.lastSuccess().isPresent() || v.directoryAsOf().isPresent(),
                v.unreachableSince(), v.lastError(), v.listed(), v.nodeId(), v.role(), v.configScore());
    }
}
