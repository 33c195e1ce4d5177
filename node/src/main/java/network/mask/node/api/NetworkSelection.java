package network.mask.node.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Why nym-api would give this node a config score of 0, in plain words, from what the node itself
 * announces (the rule: {@code nym-api/src/node_status_api/cache/config_score.rs}). Empty when
 * nothing the node says stops the network from selecting it.
 */
public final class NetworkSelection {

    /** Where Nym publishes the terms the operator accepts. */
    public static final String OPERATOR_TERMS_URL = "https://nymtech.net/terms-and-conditions/operators/v1.0.0";

    private NetworkSelection() {}

    public static List<String> blockers(NodeProfile profile, BuildInformation build) {
        List<String> out = new ArrayList<>();
        if (!profile.acceptedOperatorTermsAndConditions()) {
            out.add("the operator terms are not accepted. Read "
                    + OPERATOR_TERMS_URL + ", then set node.accepted_operator_terms_and_conditions = true in masknode.toml "
                    + "and restart");
        }
        if (!NymNodeRelease.BINARY_NAME.equals(build.binaryName())) {
            out.add("node.describe_as_nym_node is false, so the node describes itself as " + build.binaryName()
                    + ", which nym-api scores 0. Set it to true (the default) and restart");
        }
        return out;
    }
}
