package network.mask.node.nymapistandin;

import static network.mask.node.nymapistandin.StrictJson.*;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import network.mask.node.keys.Base58;
import network.mask.node.nymapistandin.StrictJson.ModelException;

/**
 * nym-node's signed host information as nym-api deserialises it: {@code SignedData<HostInformation>}
 * ({@code nym-node/nym-node-requests/src/api/mod.rs}) with {@code HostInformation}, {@code HostKeys}
 * (read through {@code HostKeysDeHelper}, with its {@code ed25519}/{@code x25519} aliases and the
 * legacy fallback for a missing primary key), {@code SphinxKey}
 * ({@code nym-node/nym-node-requests/src/api/v1/node/models.rs}) and {@code VersionedNoiseKeyV1}
 * ({@code common/nymnoise/keys/src/lib.rs}).
 */
final class HostInformationModel {

    /** nym's marker rotation id for a key announced without one ({@code SphinxKey::new_legacy}). */
    static final long LEGACY_ROTATION = 0xFFFF_FFFFL;

    private HostInformationModel() {}

    record SignedHostInformation(HostInformation data, byte[] signature) {}

    /** @param ipAddresses as Rust's {@code Display} writes each {@code IpAddr} */
    record HostInformation(List<String> ipAddresses, Optional<String> hostname, HostKeys keys) {}

    /**
     * @param x25519Sphinx the deprecated copy of the primary key, as received
     */
    record HostKeys(byte[] ed25519Identity, byte[] x25519Sphinx, SphinxKey primary, Optional<SphinxKey> preAnnounced,
                    Optional<VersionedNoiseKey> noise) {}

    record SphinxKey(long rotationId, byte[] publicKey) {}

    /** {@code supported_version} is a u8 (1 = V1, others "unknown newer"). */
    record VersionedNoiseKey(int supportedVersion, byte[] x25519PublicKey) {}

    static SignedHostInformation parse(String body) throws ModelException {
        JsonObject o = object(body);
        HostInformation data = hostInformation(requiredObject(o, "data"));
        byte[] signature = base58(requiredString(o, "signature"), 64, "signature");
        return new SignedHostInformation(data, signature);
    }

    private static HostInformation hostInformation(JsonObject o) throws ModelException {
        JsonArray ips = requiredArray(o, "ip_address");
        List<String> out = new ArrayList<>(ips.size());
        for (int i = 0; i < ips.size(); i++) {
            JsonValue v = ips.get(i);
            if (v.getValueType() != JsonValue.ValueType.STRING) throw wrongType("ip_address[" + i + "]", "an IP address string", v);
            out.add(RustIpAddr.parseAndDisplay(((jakarta.json.JsonString) v).getString(), "ip_address[" + i + "]"));
        }
        return new HostInformation(out, optionalString(o, "hostname"), hostKeys(requiredObject(o, "keys")));
    }

    private static HostKeys hostKeys(JsonObject o) throws ModelException {
        byte[] identity = base58(aliased(o, "ed25519_identity", "ed25519"), 32, "keys.ed25519_identity");
        byte[] sphinx = base58(aliased(o, "x25519_sphinx", "x25519"), 32, "keys.x25519_sphinx");
        Optional<JsonObject> primary = optionalObject(o, "primary_x25519_sphinx_key");
        SphinxKey primaryKey = primary.isPresent() ? sphinxKey(primary.get(), "keys.primary_x25519_sphinx_key")
                : new SphinxKey(LEGACY_ROTATION, sphinx);   // a node from before rotation
        Optional<JsonObject> next = optionalObject(o, "pre_announced_x25519_sphinx_key");
        Optional<SphinxKey> preAnnounced = next.isPresent()
                ? Optional.of(sphinxKey(next.get(), "keys.pre_announced_x25519_sphinx_key")) : Optional.empty();
        Optional<JsonObject> noise = optionalObject(o, "x25519_versioned_noise");
        Optional<VersionedNoiseKey> noiseKey = Optional.empty();
        if (noise.isPresent()) {
            JsonObject n = noise.get();
            int version = (int) requiredUnsigned(n, "supported_version", U8_MAX);
            noiseKey = Optional.of(new VersionedNoiseKey(version,
                    base58(requiredString(n, "x25519_pubkey"), 32, "keys.x25519_versioned_noise.x25519_pubkey")));
        }
        return new HostKeys(identity, sphinx, primaryKey, preAnnounced, noiseKey);
    }

    private static SphinxKey sphinxKey(JsonObject o, String where) throws ModelException {
        long rotation = requiredUnsigned(o, "rotation_id", U32_MAX);
        return new SphinxKey(rotation, base58(requiredString(o, "public_key"), 32, where + ".public_key"));
    }

    /** serde's {@code #[serde(alias)]}: either name, but not both. */
    private static String aliased(JsonObject o, String name, String alias) throws ModelException {
        if (o.containsKey(name) && o.containsKey(alias)) throw new ModelException("duplicate field `" + name + "`");
        return requiredString(o, o.containsKey(alias) ? alias : name);
    }

    static byte[] base58(String text, int length, String field) throws ModelException {
        byte[] bytes;
        try {
            bytes = Base58.decode(text);
        } catch (IllegalArgumentException e) {
            throw new ModelException(field + ": not base58 (" + e.getMessage() + ")");
        }
        if (bytes.length != length) throw new ModelException(field + ": " + bytes.length + " bytes, expected " + length);
        return bytes;
    }
}
