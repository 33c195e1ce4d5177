package network.mask.node.keys;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** The node's long-term ed25519 identity: it names the node in the directory and signs its self-description. */
public final class IdentityKey {

    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    private IdentityKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey().getEncoded();
    }

    public static IdentityKey generate(SecureRandom random) {
        return new IdentityKey(new Ed25519PrivateKeyParameters(random));
    }

    /** From the 32-byte private seed. */
    public static IdentityKey fromPrivate(byte[] seed) {
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("ed25519 private key must be 32 bytes, not " + seed.length);
        }
        return new IdentityKey(new Ed25519PrivateKeyParameters(seed, 0));
    }

    /** The 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The public key as Nym prints it (base58). */
    public String publicKeyBase58() {
        return Base58.encode(publicKey);
    }

    /** A 64-byte ed25519 signature over {@code message}. */
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** The secret seed, only for writing the key file. */
    byte[] privateSeed() {
        return privateKey.getEncoded();
    }

    @Override
    public String toString() {
        return "IdentityKey[" + publicKeyBase58() + "]";
    }
}
