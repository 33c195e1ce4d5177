package network.mask.node.api;

import network.mask.node.keys.Base58;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * nym-node's {@code /api/v1/host-information}: {@code {"data": HostInformation, "signature": base58}},
 * where the signature is ed25519 over the UTF-8 bytes of {@code serde_json::to_string(&data)}.
 *
 * <p>The data is written in nym-node-requests' declaration order (ip_address, hostname, keys;
 * keys: ed25519_identity, x25519_sphinx, primary_x25519_sphinx_key, pre_announced_x25519_sphinx_key,
 * x25519_versioned_noise), with absent options as {@code null}. The response embeds the signed
 * text verbatim, so a client that checks the bytes it received and one that re-serializes (as
 * nym-api does) both verify. {@code x25519_versioned_noise} is {@code {"supported_version":1,"x25519_pubkey":base58}}
 * in {@code VersionedNoiseKeyV1}'s field order ({@code common/nymnoise/keys/src/lib.rs}) when the node speaks
 * Noise, else null, which nym reads as "plain TCP".
 */
final class SignedHostInformation {

    private SignedHostInformation() {}

    /** The {@code data} object exactly as signed. */
    static String data(NodeIdentity identity, List<String> ipAddresses, Optional<String> hostname) {
        List<String> ips = new ArrayList<>(ipAddresses.size());
        for (String ip : ipAddresses) ips.add(IpLiterals.canonical(ip));
        SphinxKey primary = identity.primarySphinxKey();
        String keys = SerdeJson.object()
                .string("ed25519_identity", identity.ed25519IdentityKey())
                .string("x25519_sphinx", primary.publicKeyBase58())
                .raw("primary_x25519_sphinx_key", sphinxKey(primary))
                .raw("pre_announced_x25519_sphinx_key", identity.preAnnouncedSphinxKey()
                        .filter(next -> next.rotationId() == primary.rotationId() + 1)   // as nym-node: only the next one
                        .map(SignedHostInformation::sphinxKey).orElse(null))
                .raw("x25519_versioned_noise", identity.noiseKeyBase58().map(key -> SerdeJson.object()
                        .number("supported_version", 1)
                        .string("x25519_pubkey", key)
                        .end()).orElse(null))
                .end();
        return SerdeJson.object()
                .strings("ip_address", ips)
                .string("hostname", hostname.filter(h -> !h.isBlank()).orElse(null))
                .raw("keys", keys)
                .end();
    }

    /** The full response body: the signed data and its base58 signature. */
    static String response(NodeIdentity identity, List<String> ipAddresses, Optional<String> hostname) {
        String data = data(identity, ipAddresses, hostname);
        byte[] signature = identity.sign(data.getBytes(StandardCharsets.UTF_8));
        if (signature == null || signature.length != 64) {
            throw new IllegalStateException("identity signature must be 64 bytes");
        }
        return SerdeJson.object().raw("data", data).string("signature", Base58.encode(signature)).end();
    }

    private static String sphinxKey(SphinxKey key) {
        return SerdeJson.object()
                .number("rotation_id", key.rotationId())
                .string("public_key", key.publicKeyBase58())
                .end();
    }
}
