package network.mask.node.nymapi;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of the topology as nym-api lists it in the semi-skimmed node list: {@code SemiSkimmedNodeV1}
 * = {@code {"basic": SkimmedNodeV1, "x25519_noise_versioned_key": ...}}
 * ({@code nym-api/nym-api-requests/src/nym_nodes.rs}).
 *
 * @param sphinxKeyBase58 the Sphinx key nym-api serves for the current rotation
 *                        ({@code nym-api/nym-api-requests/src/models/described/v2.rs}, {@code current_sphinx_key})
 * @param performance the node's average performance over 24 h, 0..1
 */
public record DirectoryNode(long nodeId, String identityKey, List<InetAddress> ipAddresses, int mixPort,
                            String sphinxKeyBase58, NodeRole role, double performance) {

    public DirectoryNode {
        ipAddresses = List.copyOf(ipAddresses);
    }

    /** Reads one entry of {@code nodes.data}. */
    static DirectoryNode fromSemiSkimmed(JsonValue json) throws NymApiException {
        JsonObject basic = Shapes.object(Shapes.object(json, "node"), "basic");
        List<InetAddress> ips = new ArrayList<>();
        for (JsonValue ip : Shapes.array(basic, "ip_addresses")) ips.add(Shapes.ip(ip, "ip_addresses"));
        JsonValue role = basic.containsKey("role") ? basic.get("role") : basic.get("epoch_role");
        if (role == null) throw Shapes.malformed("'role' is missing");
        return new DirectoryNode(Shapes.u32(basic, "node_id"), Shapes.key32(basic, "ed25519_identity_pubkey"), ips,
                Shapes.u16(basic, "mix_port"), Shapes.key32(basic, "x25519_sphinx_pubkey"), NodeRole.fromJson(role),
                Shapes.fraction(basic, "performance"));
    }
}
