package network.mask.node.api;

/**
 * The nym-node release whose protocol this node implements, and the name nym-api expects.
 *
 * <p>nym-api gives a config score above 0 only to a node whose {@code build-information} says
 * {@code binary_name = "nym-node"} with a {@code build_version} close to the latest nym-node release
 * recorded in the mixnet contract ({@code nym-api/src/node_status_api/cache/config_score.rs}). When the
 * owner leaves {@code node.describe_as_nym_node} on, this node describes itself as compatible with
 * this release, and says what it really is in the same document (see {@link BuildInformation}).
 * Update {@link #VERSION} with the nym release whose wire format, API shapes and key rotation the
 * node has been checked against ({@code nym-node/Cargo.toml} {@code version}).
 */
public final class NymNodeRelease {

    /** {@code nym-node/Cargo.toml} package version at nym commit daed9cd (2026-05-16). */
    public static final String VERSION = "1.31.0";

    /** {@code CARGO_PKG_NAME} of nym-node, the only binary name nym-api scores. */
    public static final String BINARY_NAME = "nym-node";

    private NymNodeRelease() {}
}
