package network.mask.node.networkview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import network.mask.node.nymapi.NetworkView;
import network.mask.node.nymapi.NodeRole;
import network.mask.node.rewards.RewardEstimate;
import network.mask.node.rewards.RewardEstimator;
import network.mask.node.status.Ago;

/**
 * The network's view of this node in the owner's words, from the nym-api client's
 * {@link NetworkView}: reached or not (with the age of the last known values when not), described,
 * bonded node id, role this epoch, performance, config score with the reason when it is low, and
 * the operator's estimated rewards.
 */
public final class NetworkViewReport {

    /** One line of the view: what, and its value in words. */
    public record Line(String label, String value) {}

    private NetworkViewReport() {}

    /**
     * @param described when the network's directory last read the node's description (evidence on its public API), if ever
     * @param termsAccepted the owner's answer to the operator terms, to explain a config score of 0
     * @param describesAsNymNode whether the node describes itself as nym-node (else nym-api scores it 0)
     */
    public static List<Line> of(Optional<NetworkView> view, Optional<Instant> described, boolean termsAccepted,
                                boolean describesAsNymNode, Instant now) {
        List<Line> out = new ArrayList<>();
        if (view.isEmpty()) {
            out.add(new Line("Network's directory (nym-api)", "not asked: no nym-api address is set"));
            return out;
        }
        NetworkView v = view.get();
        if (v.apiReachable()) {
            out.add(new Line("Network's directory (nym-api)", "answered " + v.lastSuccess().map(t -> Ago.of(t, now)).orElse("just now")));
        } else if (v.lastSuccess().isPresent() || v.directoryAsOf().isPresent()) {
            Instant asOf = v.lastSuccess().or(v::directoryAsOf).orElseThrow();
            out.add(new Line("Network's directory (nym-api)", "cannot be reached" + v.unreachableSince()
                    .map(t -> " since " + Ago.of(t, now)).orElse("") + (v.lastError().isBlank() ? "" : " (" + v.lastError() + ")")
                    + "; the values below are the last known, from " + Ago.of(asOf, now)));
        } else {
            out.add(new Line("Network's directory (nym-api)", "not reached yet" + (v.lastError().isBlank() ? "" : " (" + v.lastError() + ")")));
            return out;
        }
        out.add(new Line("Described by the network", described.map(t -> "yes, read " + Ago.of(t, now))
                .orElse(v.listed() ? "yes" : "not yet")));
        out.add(new Line("Bonded node id", v.nodeId().isPresent() ? "#" + v.nodeId().getAsLong() : "none yet"));
        out.add(new Line("Role this epoch", v.listed() ? role(v.role().orElse(NodeRole.INACTIVE)) : "none (not listed)"));
        out.add(new Line("Performance", v.performance().isPresent()
                ? String.format(Locale.ROOT, "%.0f %%", 100 * v.performance().getAsDouble()) : "not known yet"));
        out.add(new Line("Config score", configScore(v, termsAccepted, describesAsNymNode)));
        out.add(new Line("Rewards (estimated)", rewards(v, now)));
        out.add(new Line("Nodes known", Integer.toString(v.knownNodes())));
        return out;
    }

    /**
     * The operator's estimated rewards, with what they are estimated from; the age of the inputs when
     * nym-api cannot be reached now.
     */
    static String rewards(NetworkView v, Instant now) {
        if (v.nodeId().isEmpty()) return "none until the node is bonded";
        Optional<RewardEstimate> e = RewardEstimator.of(v);
        if (e.isEmpty()) return "not known yet: the network has not given its reward parameters, the bond or the performance";
        RewardEstimate r = e.get();
        String figures = r.operatorUnym() <= 0
                ? "0 NYM: " + (v.role().orElse(NodeRole.INACTIVE) == NodeRole.INACTIVE
                        ? "the node is not in this epoch's rewarded set" : "the network gives it no performance this epoch")
                : String.format(Locale.ROOT, "%s NYM this epoch, %s NYM a day, %s NYM in 30 days at this rate",
                        nym(r.operatorNymPerEpoch()), nym(r.operatorNymPerDay()), nym(r.operatorNymPer30Days()));
        return figures + " (estimated from the network's reward parameters, your stake and performance"
                + (v.apiReachable() ? "" : "; as of " + Ago.of(r.asOf(), now)) + ")";
    }

    /** Amounts with enough digits to be useful and no false precision. */
    static String nym(double amount) {
        if (amount >= 100) return String.format(Locale.ROOT, "%.0f", amount);
        if (amount >= 1) return String.format(Locale.ROOT, "%.2f", amount);
        return String.format(Locale.ROOT, "%.4f", amount);
    }

    static String role(NodeRole r) {
        return switch (r) {
            case LAYER1, LAYER2, LAYER3 -> "mixing, layer " + r.layer();
            case ENTRY_GATEWAY -> "entry gateway";
            case EXIT_GATEWAY -> "exit gateway";
            case STANDBY -> "standby (ready, not chosen this epoch)";
            case INACTIVE -> "inactive (not in this epoch's set)";
        };
    }

    /** nym-api scores 0 without the terms and lowers the score for an old version ({@code nymapistandin/ConfigScore} follows it). */
    static String configScore(NetworkView v, boolean termsAccepted, boolean describesAsNymNode) {
        if (v.configScore().isEmpty()) return "not known yet";
        double score = v.configScore().getAsDouble();
        String value = String.format(Locale.ROOT, "%.2f", score);
        if (score >= 0.99) return value;
        if (!termsAccepted) return value + ": the operator terms are not accepted";
        if (!describesAsNymNode) return value + ": the node does not describe itself as nym-node (node.describe_as_nym_node)";
        if (score <= 0) return value + ": the network could not read the node's version or terms as it last described it";
        return value + ": the node's version is behind the network's current release";
    }
}
