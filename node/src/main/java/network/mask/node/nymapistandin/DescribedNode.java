package network.mask.node.nymapistandin;

import java.util.List;
import java.util.Optional;

/**
 * What the nym-api stand-in learned about one node by describing it the way nym-api does
 * ({@code nym-api/src/node_describe_cache/}): the parts of nym-node's self-description that go into
 * the topology ({@code SkimmedNodeV1} in {@code nym-api/nym-api-requests/src/nym_nodes.rs}) and into
 * the config score ({@code nym-api/src/node_performance/} and {@code NymNodeDescription}).
 *
 * @param identityKey ed25519 identity, base58
 * @param ipAddresses the announced IP addresses, as literals
 * @param hostname the announced DNS host name, if any
 * @param mixPort the mix port from auxiliary details (1789 when absent)
 * @param primarySphinxKey the primary Sphinx key with its rotation id
 * @param preAnnouncedSphinxKey the pre-announced next key, if announced
 * @param noiseKeyBase58 the announced x25519 Noise key, if any
 * @param mixnodeRole whether {@code roles} says the node mixes
 * @param binaryName {@code build-information.binary_name}
 * @param buildVersion {@code build-information.build_version}
 * @param acceptedOperatorTerms {@code auxiliary-details.accepted_operator_terms_and_conditions}
 */
public record DescribedNode(
        String identityKey,
        List<String> ipAddresses,
        Optional<String> hostname,
        int mixPort,
        AnnouncedKey primarySphinxKey,
        Optional<AnnouncedKey> preAnnouncedSphinxKey,
        Optional<String> noiseKeyBase58,
        boolean mixnodeRole,
        String binaryName,
        String buildVersion,
        boolean acceptedOperatorTerms) {

    /** A Sphinx key as host information announces it: {@code {"rotation_id":R,"public_key":"<b58>"}}. */
    public record AnnouncedKey(long rotationId, String publicKeyBase58) {}

    public DescribedNode {
        ipAddresses = List.copyOf(ipAddresses);
    }
}
