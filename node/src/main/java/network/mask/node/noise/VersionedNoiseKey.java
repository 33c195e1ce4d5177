package network.mask.node.noise;

import network.mask.node.keys.Base58;

/**
 * A node's announced Noise key: {@code VersionedNoiseKeyV1 {supported_version: u8, x25519_pubkey: base58}}
 * ({@code common/nymnoise/keys/src/lib.rs}; 1 = V1, any other number a version this node does not know).
 */
public record VersionedNoiseKey(int supportedVersion, byte[] x25519PublicKey) {

    public VersionedNoiseKey {
        if (supportedVersion < 0 || supportedVersion > 255) throw new IllegalArgumentException("a Noise version is a u8");
        if (x25519PublicKey.length != NoiseProtocol.KEY_LENGTH) throw new IllegalArgumentException("a Noise key is 32 bytes");
        x25519PublicKey = x25519PublicKey.clone();
    }

    @Override
    public byte[] x25519PublicKey() {
        return x25519PublicKey.clone();
    }

    public String publicKeyBase58() {
        return Base58.encode(x25519PublicKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionedNoiseKey k && k.supportedVersion == supportedVersion
                && java.util.Arrays.equals(k.x25519PublicKey, x25519PublicKey);
    }

    @Override
    public int hashCode() {
        return 31 * supportedVersion + java.util.Arrays.hashCode(x25519PublicKey);
    }

    @Override
    public String toString() {
        return "VersionedNoiseKey[v" + supportedVersion + ", " + publicKeyBase58() + "]";
    }
}
