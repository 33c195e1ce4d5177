package network.mask.node.nymapi;

import java.time.Instant;

/**
 * What nym-api tells about this node's rewards, read together: the network's reward parameters,
 * the current interval and the node's bond. The estimate itself is the rewards package's job.
 *
 * @param asOf when this was read from nym-api
 */
public record RewardInputs(RewardingParams params, EpochInterval interval, NodeBond bond, Instant asOf) {}
