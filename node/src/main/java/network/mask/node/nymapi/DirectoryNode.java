package network.mask.node.nymapi;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import network.mask.node.keys.Base58;
import network.mask.node.noise.VersionedNoiseKey;

/**
 * One node of the topology as nym-api lists it in the semi-skimmed node list: {@code SemiSkimmedNodeV1}
 * = {@code {"basic": SkimmedNodeV1, "x25519_noise_versioned_key": ...}}
 * ({@code nym-api/nym-api-requests/src/nym_nodes.rs}).
 *
 * @param sphinxKeyBase58 the Sphinx key nym-api serves for the current rotation
 *                        ({@code nym-api/nym-api-requests/src/models/described/v2.rs}, {@code current_sphinx_key})
 * @param performance the node's average performance over 24 h, 0..1
 * @param noiseKey the node's announced Noise key ({@code x25519_noise_versioned_key}), empty when it announces none
 */
public record DirectoryNode(long nodeId, String identityKey, List<InetAddress> ipAddresses, int mixPort,
                            String sphinxKeyBase58, NodeRole role, double performance, Optional<VersionedNoiseKey> noiseKey) {

    public DirectoryNode {
        ipAddresses = List.copyOf(ipAddresses);
    }

    /** A node that announces no Noise key. */
    public DirectoryNode(long nodeId, String identityKey, List<InetAddress> ipAddresses, int mixPort,
                         String sphinxKeyBase58, NodeRole role, double performance) {
        this(nodeId, identityKey, ipAddresses, mixPort, sphinxKeyBase58, role, performance, Optional.empty());
    }

    /** Reads one entry of {@code nodes.data}. */
    static DirectoryNode fromSemiSkimmed(JsonValue json) throws NymApiException {
        JsonObject node = Shapes.object(json, "node");
        JsonObject basic = Shapes.object(node, "basic");
        List<InetAddress> ips = new ArrayList<>();
        for (JsonValue ip : Shapes.array(basic, "ip_addresses")) ips.add(Shapes.ip(ip, "ip_addresses"));
        JsonValue role = basic.containsKey("role") ? basic.get("role") : basic.get("epoch_role");
        if (role == null) throw Shapes.malformed("'role' is missing");
        return new DirectoryNode(Shapes.u32(basic, "node_id"), Shapes.key32(basic, "ed25519_identity_pubkey"), ips,
                Shapes.u16(basic, "mix_port"), Shapes.key32(basic, "x25519_sphinx_pubkey"), NodeRole.fromJson(role),
                Shapes.fraction(basic, "performance"), noiseKey(node));
    }

    /** {@code VersionedNoiseKeyV1 {supported_version: u8, x25519_pubkey: base58}} or null ({@code common/nymnoise/keys/src/lib.rs}). */
    private static Optional<VersionedNoiseKey> noiseKey(JsonObject node) throws NymApiException {
        if (Shapes.isNull(node, "x25519_noise_versioned_key")) return Optional.empty();
        JsonObject key = Shapes.object(node, "x25519_noise_versioned_key");
        int version = (int) Shapes.integer(key.get("supported_version"), "supported_version", 0, 255);
        return Optional.of(new VersionedNoiseKey(version, Base58.decode(Shapes.key32(key, "x25519_pubkey"))));
    }
}
