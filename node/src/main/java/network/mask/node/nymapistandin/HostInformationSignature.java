package network.mask.node.nymapistandin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import network.mask.node.keys.Base58;
import network.mask.node.nymapistandin.HostInformationModel.HostInformation;
import network.mask.node.nymapistandin.HostInformationModel.HostKeys;
import network.mask.node.nymapistandin.HostInformationModel.SignedHostInformation;
import network.mask.node.nymapistandin.HostInformationModel.SphinxKey;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Checks a host-information signature as nym-api does ({@code SignedHostInformation::verify_host_information},
 * {@code nym-node/nym-node-requests/src/api/mod.rs}): the parsed data is written again with
 * {@code serde_json::to_string} (declaration order, compact) and the ed25519 signature by
 * {@code keys.ed25519_identity} must cover those bytes. Nodes that signed an older layout still
 * verify: the legacy V3, V2 and V1 layouts ({@code LegacyHostInformationV3/V2/V1} in
 * {@code api/v1/node/models.rs}) are tried in that order, as nym-api does.
 */
final class HostInformationSignature {

    private HostInformationSignature() {}

    static boolean verify(SignedHostInformation signed) {
        HostInformation data = signed.data();
        byte[] key = data.keys().ed25519Identity();
        for (String text : List.of(current(data), legacyV3(data), legacyV2(data), legacyV1(data))) {
            if (ed25519Verify(key, text.getBytes(StandardCharsets.UTF_8), signed.signature())) return true;
        }
        return false;
    }

    /** {@code HostInformation} as nym-node signs it today. */
    static String current(HostInformation d) {
        HostKeys k = d.keys();
        String keys = "{\"ed25519_identity\":" + b58(k.ed25519Identity())
                + ",\"x25519_sphinx\":" + b58(k.x25519Sphinx())
                + ",\"primary_x25519_sphinx_key\":" + sphinxKey(k.primary())
                + ",\"pre_announced_x25519_sphinx_key\":" + k.preAnnounced().map(HostInformationSignature::sphinxKey).orElse("null")
                + ",\"x25519_versioned_noise\":" + k.noise().map(n -> "{\"supported_version\":" + n.supportedVersion()
                        + ",\"x25519_pubkey\":" + b58(n.x25519PublicKey()) + "}").orElse("null")
                + "}";
        return envelope(d, keys);
    }

    /** {@code LegacyHostKeysV3}: the primary key as {@code x25519_sphinx}, the noise key or null. */
    static String legacyV3(HostInformation d) {
        HostKeys k = d.keys();
        return envelope(d, "{\"ed25519_identity\":" + b58(k.ed25519Identity())
                + ",\"x25519_sphinx\":" + b58(k.primary().publicKey())
                + ",\"x25519_noise\":" + k.noise().map(n -> b58(n.x25519PublicKey())).orElse("null") + "}");
    }

    /** {@code LegacyHostKeysV2}: as V3, but a missing noise key is {@code ""}. */
    static String legacyV2(HostInformation d) {
        HostKeys k = d.keys();
        return envelope(d, "{\"ed25519_identity\":" + b58(k.ed25519Identity())
                + ",\"x25519_sphinx\":" + b58(k.primary().publicKey())
                + ",\"x25519_noise\":" + k.noise().map(n -> b58(n.x25519PublicKey())).orElse("\"\"") + "}");
    }

    /** {@code LegacyHostKeysV1}: {@code ed25519} and {@code x25519} only. */
    static String legacyV1(HostInformation d) {
        HostKeys k = d.keys();
        return envelope(d, "{\"ed25519\":" + b58(k.ed25519Identity()) + ",\"x25519\":" + b58(k.primary().publicKey()) + "}");
    }

    private static String envelope(HostInformation d, String keys) {
        StringBuilder sb = new StringBuilder("{\"ip_address\":[");
        for (int i = 0; i < d.ipAddresses().size(); i++) {
            if (i > 0) sb.append(',');
            quote(sb, d.ipAddresses().get(i));
        }
        sb.append("],\"hostname\":");
        Optional<String> host = d.hostname();
        if (host.isPresent()) quote(sb, host.get());
        else sb.append("null");
        return sb.append(",\"keys\":").append(keys).append('}').toString();
    }

    private static String sphinxKey(SphinxKey key) {
        return "{\"rotation_id\":" + key.rotationId() + ",\"public_key\":" + b58(key.publicKey()) + "}";
    }

    private static String b58(byte[] bytes) {
        return "\"" + Base58.encode(bytes) + "\"";
    }

    /** serde_json's string escaping: \" \\ \b \f \n \r \t, other controls as lower-case hex escapes. */
    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append("\\" + String.format("u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    private static boolean ed25519Verify(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (IllegalArgumentException invalidKey) {
            return false;
        }
    }
}
