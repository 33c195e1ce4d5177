package network.mask.node.api;

import network.mask.node.keys.Base58;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** A {@link NodeIdentity} with a real ed25519 key (BouncyCastle), for tests. */
final class TestIdentity implements NodeIdentity {

    final Ed25519PrivateKeyParameters privateKey;
    final Ed25519PublicKeyParameters publicKey;
    volatile SphinxKey primary;
    volatile SphinxKey next;

    TestIdentity(byte[] seed, SphinxKey primary, SphinxKey next) {
        this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
        this.publicKey = privateKey.generatePublicKey();
        this.primary = primary;
        this.next = next;
    }

    static TestIdentity withSeed(int first) {
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++) seed[i] = (byte) (first + i);
        byte[] sphinx = new byte[32];
        for (int i = 0; i < 32; i++) sphinx[i] = (byte) (100 + i);
        return new TestIdentity(seed, new SphinxKey(1234, Base58.encode(sphinx)), null);
    }

    @Override
    public String ed25519IdentityKey() {
        return Base58.encode(publicKey.getEncoded());
    }

    @Override
    public SphinxKey primarySphinxKey() {
        return primary;
    }

    @Override
    public Optional<SphinxKey> preAnnouncedSphinxKey() {
        return Optional.ofNullable(next);
    }

    @Override
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** Verifies as a client would: with only the base58 public key from the response. */
    static boolean verify(String publicKeyBase58, byte[] message, String signatureBase58) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(Base58.decode(publicKeyBase58), 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(Base58.decode(signatureBase58));
    }
}
