package network.mask.node.nymapi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What this node knows of the network and of its own place in it, for the owner's status page
 * and dashboard. Everything here is true as of the times given; nothing is guessed.
 *
 * @param apiUrls the nym-api URLs the node asks
 * @param apiReachable whether the last attempt reached a nym-api that answered well
 * @param lastSuccess when nym-api last answered well
 * @param unreachableSince since when no nym-api answered, if none does now
 * @param lastError the last failure, in words (empty when none)
 * @param onLastKnownGood whether the node runs on the copy from disk rather than a fresh reading
 * @param directoryAsOf when the directory in use was read from nym-api
 * @param knownNodes node addresses next hops may go to
 * @param currentRotationId the network's key rotation, as of {@code directoryAsOf}
 * @param listed whether this node is in nym-api's node list (described and bonded)
 * @param nodeId its bonded node id, if listed
 * @param role its role in the rewarded set (empty if not listed)
 * @param performance nym-api's 24-hour performance for it, 0..1
 * @param configScore nym-api's config score (0 = will not be selected), if nym-api gave one
 * @param performanceScore routing score x config score, if given
 * @param describeRefreshes refresh-described requests sent, and how many nym-apis accepted the last one
 * @param failures failed requests so far, by kind
 * @param rewardInputs the reward parameters, interval and this node's bond, as last read (empty until bonded and read)
 */
public record NetworkView(List<String> apiUrls, boolean apiReachable, Optional<Instant> lastSuccess,
                          Optional<Instant> unreachableSince, String lastError, boolean onLastKnownGood,
                          Optional<Instant> directoryAsOf, int knownNodes, OptionalLong currentRotationId,
                          boolean listed, OptionalLong nodeId, Optional<NodeRole> role, OptionalDouble performance,
                          OptionalDouble configScore, OptionalDouble performanceScore, long describeRefreshes,
                          int lastRefreshAccepted, Map<String, Long> failures, Optional<RewardInputs> rewardInputs) {

    /** A view without reward inputs. */
    public NetworkView(List<String> apiUrls, boolean apiReachable, Optional<Instant> lastSuccess,
                       Optional<Instant> unreachableSince, String lastError, boolean onLastKnownGood,
                       Optional<Instant> directoryAsOf, int knownNodes, OptionalLong currentRotationId,
                       boolean listed, OptionalLong nodeId, Optional<NodeRole> role, OptionalDouble performance,
                       OptionalDouble configScore, OptionalDouble performanceScore, long describeRefreshes,
                       int lastRefreshAccepted, Map<String, Long> failures) {
        this(apiUrls, apiReachable, lastSuccess, unreachableSince, lastError, onLastKnownGood, directoryAsOf, knownNodes,
                currentRotationId, listed, nodeId, role, performance, configScore, performanceScore, describeRefreshes,
                lastRefreshAccepted, failures, Optional.empty());
    }

    /** One line for the log and the status page. */
    public String summary() {
        if (apiReachable) {
            return "nym-api reachable; " + knownNodes + " nodes known"
                    + (listed ? "; this node is listed as node " + nodeId.orElse(-1) + role.map(r -> " (" + r + ")").orElse("")
                    : "; this node is not in nym-api's node list yet (not described or not bonded)");
        }
        String state = unreachableSince.isEmpty() ? "nym-api not reached yet" // starting: the first request is under way
                : "nym-api unreachable since " + unreachableSince.get() + " (" + lastError + ")";
        return state + "; "
                + (directoryAsOf.isPresent() ? "running on the last-known-good directory from " + directoryAsOf.get()
                + " (" + knownNodes + " nodes)" : "no directory known yet: packets to public next hops are dropped until nym-api answers");
    }
}
