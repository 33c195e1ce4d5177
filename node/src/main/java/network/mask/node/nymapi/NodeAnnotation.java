package network.mask.node.nymapi;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.OptionalLong;

/**
 * nym-api's scores for one node: {@code AnnotationResponse.annotation} with its
 * {@code DetailedNodePerformance} ({@code nym-api/nym-api-requests/src/models/node_status.rs}),
 * from {@code GET /v1/nym-nodes/annotation/{node_id}}.
 *
 * @param performanceScore routing score x config score
 * @param versionsBehind how many releases behind nym-api counts this node, if it says
 */
public record NodeAnnotation(double last24hPerformance, double performanceScore, double routingScore,
                             double configScore, OptionalLong versionsBehind, boolean selfDescribedApiAvailable,
                             boolean acceptedTermsAndConditions, boolean runsNymNodeBinary) {

    /** Empty when nym-api has no annotation for the node yet ({@code "annotation": null}). */
    static java.util.Optional<NodeAnnotation> fromResponse(JsonValue json) throws NymApiException {
        JsonObject o = Shapes.object(json, "annotation response");
        if (Shapes.isNull(o, "annotation")) return java.util.Optional.empty();
        JsonObject a = Shapes.object(o, "annotation");
        JsonObject detailed = Shapes.object(a, "detailed_performance");
        JsonObject routing = Shapes.object(detailed, "routing_score");
        JsonObject config = Shapes.object(detailed, "config_score");
        OptionalLong behind = Shapes.isNull(config, "versions_behind") ? OptionalLong.empty()
                : OptionalLong.of(Shapes.u32(config, "versions_behind"));
        return java.util.Optional.of(new NodeAnnotation(Shapes.fraction(a, "last_24h_performance"),
                Shapes.number(detailed, "performance_score"), Shapes.number(routing, "score"),
                Shapes.number(config, "score"), behind, Shapes.bool(config, "self_described_api_available"),
                Shapes.bool(config, "accepted_terms_and_conditions"), Shapes.bool(config, "runs_nym_node_binary")));
    }
}
