package network.mask.node.keys;

import java.security.SecureRandom;
import network.mask.node.wire.KeyRotation;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;

/**
 * One x25519 Sphinx key with the rotation id it belongs to. The private bytes are stored raw
 * (unclamped), as x25519-dalek's {@code StaticSecret} does; every multiplication clamps.
 */
public final class SphinxKey {

    private final long rotationId;
    private final byte[] privateKey;
    private final byte[] publicKey;

    private SphinxKey(long rotationId, byte[] privateKey) {
        if (rotationId < 0 || rotationId > 0xFFFF_FFFFL) throw new IllegalArgumentException("rotation id must be a u32");
        this.rotationId = rotationId;
        this.privateKey = privateKey;
        this.publicKey = new X25519PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded();
    }

    public static SphinxKey generate(long rotationId, SecureRandom random) {
        byte[] secret = new byte[X25519PrivateKeyParameters.KEY_SIZE];
        random.nextBytes(secret);
        return new SphinxKey(rotationId, secret);
    }

    public static SphinxKey fromPrivate(long rotationId, byte[] privateKey) {
        if (privateKey.length != X25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("x25519 private key must be 32 bytes, not " + privateKey.length);
        }
        return new SphinxKey(rotationId, privateKey.clone());
    }

    public long rotationId() { return rotationId; }

    public KeyRotation rotation() { return KeyRotation.ofRotationId(rotationId); }

    /**
     * The raw private key for the Sphinx engine. Not copied, because it is read for every
     * packet on the hot path: callers must not modify it.
     */
    public byte[] privateKeyForEngine() { return privateKey; }

    public byte[] publicKey() { return publicKey.clone(); }

    public String publicKeyBase58() { return Base58.encode(publicKey); }

    @Override
    public String toString() {
        return "SphinxKey[rotation " + rotationId + ", " + publicKeyBase58() + "]";
    }
}
