package network.mask.node.nymapistandin;

import static network.mask.node.nymapistandin.StrictJson.*;

import jakarta.json.JsonObject;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import network.mask.node.nymapistandin.StrictJson.ModelException;

/**
 * The answers of nym-node's other routes that nym-api reads, each parsed as serde parses nym's type
 * (the nym file is named at each record). Unknown fields are ignored, as serde does.
 */
final class NodeRouteModels {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private NodeRouteModels() {}

    /** {@code NodeHealth} ({@code api/v1/health/models.rs}); {@code NodeStatus} is serde camelCase: only {@code "up"}. */
    record NodeHealth(String status, long uptime) {
        static NodeHealth parse(String body) throws ModelException {
            JsonObject o = object(body);
            String status = requiredString(o, "status");
            if (!status.equals("up")) throw new ModelException("status: unknown variant `" + status + "`, expected `up`");
            return new NodeHealth(status, requiredUnsigned(o, "uptime", U64_MAX));
        }
    }

    /** {@code BinaryBuildInformationOwned} ({@code common/bin-common/src/build_information/mod.rs}). */
    record BuildInformation(String binaryName, String buildTimestamp, String buildVersion, String commitSha,
                            String commitTimestamp, String commitBranch, String rustcVersion, String rustcChannel,
                            String cargoProfile, String cargoTriple) {
        static BuildInformation parse(String body) throws ModelException {
            JsonObject o = object(body);
            return new BuildInformation(requiredString(o, "binary_name"), requiredString(o, "build_timestamp"),
                    requiredString(o, "build_version"), requiredString(o, "commit_sha"),
                    requiredString(o, "commit_timestamp"), requiredString(o, "commit_branch"),
                    requiredString(o, "rustc_version"), requiredString(o, "rustc_channel"),
                    requiredString(o, "cargo_profile"), stringOrDefault(o, "cargo_triple", "unknown"));
        }
    }

    /** {@code NodeRoles} ({@code api/v1/node/models.rs}). */
    record NodeRoles(boolean mixnodeEnabled, boolean gatewayEnabled, boolean networkRequesterEnabled,
                     boolean ipPacketRouterEnabled) {
        static NodeRoles parse(String body) throws ModelException {
            JsonObject o = object(body);
            return new NodeRoles(requiredBool(o, "mixnode_enabled"), requiredBool(o, "gateway_enabled"),
                    requiredBool(o, "network_requester_enabled"), requiredBool(o, "ip_packet_router_enabled"));
        }
    }

    /**
     * {@code AuxiliaryDetails} ({@code api/v1/node/models.rs}): {@code location} an ISO 3166 alpha-2
     * code ({@code celes::Country}) or null, {@code announce_ports} and the terms flag default when missing.
     */
    record AuxiliaryDetails(Optional<String> location, OptionalInt verlocPort, OptionalInt mixPort,
                            boolean acceptedOperatorTermsAndConditions) {

        /** What nym-api uses when the route fails ({@code AuxiliaryDetailsV2::default()}). */
        static final AuxiliaryDetails DEFAULT = new AuxiliaryDetails(Optional.empty(), OptionalInt.empty(),
                OptionalInt.empty(), false);

        static AuxiliaryDetails parse(String body) throws ModelException {
            JsonObject o = object(body);
            Optional<String> location = optionalString(o, "location");
            if (location.isPresent() && !ISO_COUNTRIES.contains(location.get())) {
                throw new ModelException("location: `" + location.get() + "` is not an ISO 3166 alpha-2 country code");
            }
            OptionalInt verloc = OptionalInt.empty();
            OptionalInt mix = OptionalInt.empty();
            Optional<JsonObject> ports = optionalObject(o, "announce_ports");
            if (o.containsKey("announce_ports") && ports.isEmpty()) throw new ModelException("announce_ports: null where an object is required");
            if (ports.isPresent()) {
                verloc = toInt(optionalUnsigned(ports.get(), "verloc_port", U16_MAX));
                mix = toInt(optionalUnsigned(ports.get(), "mix_port", U16_MAX));
            }
            return new AuxiliaryDetails(location, verloc, mix, boolOrFalse(o, "accepted_operator_terms_and_conditions"));
        }
    }

    /** {@code WebSockets} ({@code api/v1/gateway/models.rs}). */
    record WebSockets(int wsPort, OptionalInt wssPort) {
        static WebSockets parse(String body) throws ModelException {
            JsonObject o = object(body);
            return new WebSockets((int) requiredUnsigned(o, "ws_port", U16_MAX), toInt(optionalUnsigned(o, "wss_port", U16_MAX)));
        }
    }

    /**
     * {@code NetworkRequester}, {@code IpPacketRouter} and {@code Authenticator}
     * ({@code api/v1/{network_requester,ip_packet_router,authenticator}/models.rs}): the same three strings.
     */
    record ServiceProvider(String encodedIdentityKey, String encodedX25519Key, String address) {
        static ServiceProvider parse(String body) throws ModelException {
            JsonObject o = object(body);
            return new ServiceProvider(requiredString(o, "encoded_identity_key"), requiredString(o, "encoded_x25519_key"),
                    requiredString(o, "address"));
        }
    }

    /** {@code UsedExitPolicy} ({@code api/v1/network_requester/exit_policy/models.rs}); the policy itself is not read. */
    record UsedExitPolicy(boolean enabled, String upstreamSource, long lastUpdated) {
        static UsedExitPolicy parse(String body) throws ModelException {
            JsonObject o = object(body);
            optionalObject(o, "policy");
            return new UsedExitPolicy(requiredBool(o, "enabled"), requiredString(o, "upstream_source"),
                    requiredUnsigned(o, "last_updated", U64_MAX));
        }
    }

    /** {@code Wireguard} ({@code api/v1/gateway/models.rs}). */
    record Wireguard(int port, int tunnelPort, int metadataPort, String publicKey) {
        static Wireguard parse(String body) throws ModelException {
            JsonObject o = object(body);
            return new Wireguard((int) requiredUnsigned(o, "port", U16_MAX), (int) requiredUnsigned(o, "tunnel_port", U16_MAX),
                    (int) requiredUnsigned(o, "metadata_port", U16_MAX), requiredString(o, "public_key"));
        }
    }

    private static OptionalInt toInt(OptionalLong v) {
        return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
    }
}
