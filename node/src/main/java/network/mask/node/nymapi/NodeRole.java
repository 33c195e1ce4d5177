package network.mask.node.nymapi;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A node's role in the current epoch as nym-api serialises {@code NodeRole}
 * ({@code nym-api/nym-api-requests/src/nym_nodes.rs}): serde's external tagging, so
 * {@code {"Mixnode":{"layer":1}}} for a mixing layer and a bare string for the others.
 */
public enum NodeRole {
    LAYER1, LAYER2, LAYER3, ENTRY_GATEWAY, EXIT_GATEWAY, STANDBY, INACTIVE;

    /** The mix layer 1..3, or 0 when not mixing. */
    public int layer() {
        return switch (this) {
            case LAYER1 -> 1;
            case LAYER2 -> 2;
            case LAYER3 -> 3;
            default -> 0;
        };
    }

    public static NodeRole ofLayer(int layer) {
        return switch (layer) {
            case 1 -> LAYER1;
            case 2 -> LAYER2;
            case 3 -> LAYER3;
            default -> throw new IllegalArgumentException("mix layer must be 1..3, got " + layer);
        };
    }

    /** nym-api's JSON for this role. */
    public JsonValue toJson() {
        return switch (this) {
            case LAYER1, LAYER2, LAYER3 -> Json.createObjectBuilder()
                    .add("Mixnode", Json.createObjectBuilder().add("layer", layer())).build();
            case ENTRY_GATEWAY -> Json.createValue("EntryGateway");
            case EXIT_GATEWAY -> Json.createValue("ExitGateway");
            case STANDBY -> Json.createValue("Standby");
            case INACTIVE -> Json.createValue("Inactive");
        };
    }

    /** Reads nym-api's JSON, including the aliases serde accepts ({@code entry}, {@code gateway}, {@code exit}). */
    static NodeRole fromJson(JsonValue v) throws NymApiException {
        if (v instanceof JsonString s) {
            return switch (s.getString()) {
                case "EntryGateway", "entry", "gateway" -> ENTRY_GATEWAY;
                case "ExitGateway", "exit" -> EXIT_GATEWAY;
                case "Standby" -> STANDBY;
                case "Inactive" -> INACTIVE;
                default -> throw Shapes.malformed("unknown role '" + s.getString() + "'");
            };
        }
        if (v instanceof JsonObject o && o.size() == 1 && o.get("Mixnode") instanceof JsonObject m) {
            long layer = Shapes.u32(m, "layer");
            if (layer < 1 || layer > 3) throw Shapes.malformed("mix layer " + layer + " is not 1..3");
            return ofLayer((int) layer);
        }
        throw Shapes.malformed("role is neither a string nor {\"Mixnode\":{\"layer\":n}}");
    }
}
