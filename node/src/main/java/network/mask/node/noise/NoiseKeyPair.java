package network.mask.node.noise;

import java.security.SecureRandom;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * An x25519 key pair for Noise: the node's long-term Noise key (separate from its Sphinx keys, as
 * nym-node's {@code x25519_noise_keys}) or a handshake's ephemeral key. The private bytes are kept raw;
 * BouncyCastle clamps them at every use, as RFC 7748 says.
 */
public final class NoiseKeyPair {

    private final X25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    private NoiseKeyPair(byte[] privateBytes) {
        this.privateKey = new X25519PrivateKeyParameters(privateBytes, 0);
        this.publicKey = privateKey.generatePublicKey().getEncoded();
    }

    public static NoiseKeyPair generate(SecureRandom random) {
        byte[] secret = new byte[NoiseProtocol.KEY_LENGTH];
        random.nextBytes(secret);
        return new NoiseKeyPair(secret);
    }

    public static NoiseKeyPair fromPrivate(byte[] privateBytes) {
        if (privateBytes.length != NoiseProtocol.KEY_LENGTH) {
            throw new IllegalArgumentException("x25519 private key must be 32 bytes, not " + privateBytes.length);
        }
        return new NoiseKeyPair(privateBytes);
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The private bytes, for the key file only. */
    byte[] privateBytes() {
        return privateKey.getEncoded();
    }

    /** X25519 with a peer's public key; an all-zero result (a low-order point) fails the handshake. */
    byte[] dh(byte[] peerPublic) throws NoiseException {
        byte[] out = new byte[NoiseProtocol.KEY_LENGTH];
        try {
            X25519Agreement agreement = new X25519Agreement();
            agreement.init(privateKey);
            agreement.calculateAgreement(new X25519PublicKeyParameters(peerPublic, 0), out, 0);
        } catch (IllegalStateException e) {
            throw new NoiseException(NoiseException.Kind.BAD_PEER_KEY, "the peer's key is a low-order point");
        }
        return out;
    }

    @Override
    public String toString() {
        return "NoiseKeyPair[" + network.mask.node.keys.Base58.encode(publicKey) + "]";
    }
}
