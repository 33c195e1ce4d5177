package network.mask.node.nymapistandin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import network.mask.node.nymapi.NodeRole;
import network.mask.node.rotation.RotationSchedule;

/** nym-api's JSON shapes, written field for field; each method names the nym file it follows. */
final class StandInJson {

    /** nym-api's "human-readable" time ({@code nym-api/nym-api-requests/src/helpers.rs}, overengineered_offset_date_time_serde). */
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.n xxx:'00'").withZone(ZoneOffset.UTC);

    private StandInJson() {}

    /** {@code KeyRotationInfoResponse}, {@code nym-api/nym-api-requests/src/models/mixnet.rs}: details flattened, then progress. */
    static JsonObject keyRotationInfo(RotationSchedule s) {
        long rotation = s.currentRotationId();
        long start = s.firstEpochOf(rotation);
        return Json.createObjectBuilder()
                .add("key_rotation_state", Json.createObjectBuilder()
                        .add("validity_epochs", s.validityEpochs()).add("initial_epoch_id", s.initialEpochId()))
                .add("current_absolute_epoch_id", s.currentAbsoluteEpochId())
                .add("current_epoch_start", DateTimeFormatter.ISO_INSTANT.format(s.currentEpochStart()))
                .add("epoch_duration", Json.createObjectBuilder()
                        .add("secs", s.epochDuration().getSeconds()).add("nanos", s.epochDuration().getNano()))
                .add("progress", Json.createObjectBuilder()
                        .add("current_key_rotation_id", rotation)
                        .add("current_rotation_starting_epoch", start)
                        .add("current_rotation_ending_epoch", start + s.validityEpochs() - 1))
                .build();
    }

    /**
     * {@code SemiSkimmedNodeV1 {basic: SkimmedNodeV1, x25519_noise_versioned_key}}
     * ({@code nym-api/nym-api-requests/src/nym_nodes.rs}); the Sphinx key is the one for the current
     * rotation by {@code current_sphinx_key} ({@code nym-api/nym-api-requests/src/models/described/v2.rs}).
     */
    static JsonObject semiSkimmedNode(long nodeId, DescribedNode d, NodeRole role, long currentRotation) {
        JsonArrayBuilder ips = Json.createArrayBuilder();
        d.ipAddresses().forEach(ips::add);
        JsonObject basic = Json.createObjectBuilder()
                .add("node_id", nodeId)
                .add("ed25519_identity_pubkey", d.identityKey())
                .add("ip_addresses", ips)
                .add("mix_port", d.mixPort())
                .add("x25519_sphinx_pubkey", currentSphinxKey(d, currentRotation))
                .add("role", role.toJson())
                .add("supported_roles", Json.createObjectBuilder()   // DeclaredRolesV1
                        .add("mixnode", d.mixnodeRole()).add("entry", false).add("exit_nr", false).add("exit_ipr", false))
                .add("entry", JsonValue.NULL)
                .add("performance", "1")   // Percent serialises as a decimal string
                .build();
        JsonValue noise = d.noiseKeyBase58().<JsonValue>map(k -> Json.createObjectBuilder()   // VersionedNoiseKeyV1
                .add("supported_version", 1).add("x25519_pubkey", k).build()).orElse(JsonValue.NULL);
        return Json.createObjectBuilder().add("basic", basic).add("x25519_noise_versioned_key", noise).build();
    }

    /** nym-api's rule: the key whose rotation id is the current rotation; u32::MAX = legacy; else the primary as fallback. */
    static String currentSphinxKey(DescribedNode d, long currentRotation) {
        DescribedNode.AnnouncedKey primary = d.primarySphinxKey();
        if (primary.rotationId() == 0xFFFF_FFFFL || primary.rotationId() == currentRotation) return primary.publicKeyBase58();
        return d.preAnnouncedSphinxKey().filter(k -> k.rotationId() == currentRotation)
                .map(DescribedNode.AnnouncedKey::publicKeyBase58).orElse(primary.publicKeyBase58());
    }

    /** {@code PaginatedCachedNodesResponseV2 {metadata: NodesResponseMetadata, nodes: PaginatedResponse}} ({@code nym_nodes.rs}, {@code pagination.rs}). */
    static JsonObject nodesPage(List<JsonObject> all, int page, int perPage, long epoch, long rotation, Instant refreshedAt) {
        int from = (int) Math.min(all.size(), (long) page * perPage);
        int to = Math.min(all.size(), from + perPage);
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (JsonObject n : all.subList(from, to)) data.add(n);
        return Json.createObjectBuilder()
                .add("metadata", Json.createObjectBuilder()
                        .add("status", JsonValue.NULL)
                        .add("absolute_epoch_id", epoch)
                        .add("rotation_id", rotation)
                        .add("refreshed_at", HUMAN.format(refreshedAt)))
                .add("nodes", Json.createObjectBuilder()
                        .add("pagination", Json.createObjectBuilder().add("total", all.size()).add("page", page).add("size", to - from))
                        .add("data", data))
                .build();
    }

    /** {@code RewardedSetResponse} ({@code nym-api/nym-api-requests/src/models/mixnet.rs}). */
    static JsonObject rewardedSet(long epoch, Map<Long, NodeRole> roles) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("epoch_id", epoch);
        b.add("entry_gateways", ids(roles, NodeRole.ENTRY_GATEWAY)).add("exit_gateways", ids(roles, NodeRole.EXIT_GATEWAY))
                .add("layer1", ids(roles, NodeRole.LAYER1)).add("layer2", ids(roles, NodeRole.LAYER2))
                .add("layer3", ids(roles, NodeRole.LAYER3)).add("standby", ids(roles, NodeRole.STANDBY));
        return b.build();
    }

    private static JsonArrayBuilder ids(Map<Long, NodeRole> roles, NodeRole role) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        roles.forEach((id, r) -> { if (r == role) a.add(id); });
        return a;
    }

    /**
     * {@code AnnotationResponse {node_id, annotation: NodeAnnotation}} ({@code nym-api/nym-api-requests/src/models/node_status.rs}).
     * The config score is simplified: 1 for a nym-node binary whose operator accepted the terms, else 0;
     * nym-api's version penalty is not modelled, so {@code versions_behind} is null.
     */
    static JsonObject annotation(long nodeId, DescribedNode d, NodeRole role) {
        boolean nymNode = "nym-node".equals(d.binaryName());
        double config = nymNode && d.acceptedOperatorTerms() ? 1.0 : 0.0;
        JsonValue displayRole = switch (role) {
            case LAYER1 -> Json.createValue("layer1");
            case LAYER2 -> Json.createValue("layer2");
            case LAYER3 -> Json.createValue("layer3");
            case ENTRY_GATEWAY -> Json.createValue("entryGateway");
            case EXIT_GATEWAY -> Json.createValue("exitGateway");
            case STANDBY -> Json.createValue("standby");
            case INACTIVE -> JsonValue.NULL;
        };
        return Json.createObjectBuilder()
                .add("node_id", nodeId)
                .add("annotation", Json.createObjectBuilder()
                        .add("last_24h_performance", "1")
                        .add("current_role", displayRole)
                        .add("detailed_performance", Json.createObjectBuilder()
                                .add("performance_score", config)
                                .add("routing_score", Json.createObjectBuilder().add("score", 1.0))
                                .add("config_score", Json.createObjectBuilder()
                                        .add("score", config)
                                        .add("versions_behind", JsonValue.NULL)
                                        .add("self_described_api_available", true)
                                        .add("accepted_terms_and_conditions", d.acceptedOperatorTerms())
                                        .add("runs_nym_node_binary", nymNode))))
                .build();
    }
}
