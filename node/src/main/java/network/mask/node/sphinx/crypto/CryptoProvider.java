package network.mask.node.sphinx.crypto;

import java.util.Optional;
import java.util.Set;

/**
 * One family of implementations (BouncyCastle, JCA, libsodium, libcrypto). Providers are
 * stateless and shared; every factory method returns a new instance for one thread.
 * A method for a primitive not in {@link #primitives()} throws {@link UnsupportedOperationException}.
 */
public interface CryptoProvider {

    /** Short name used in configuration and reports, e.g. {@code bc}. */
    String name();

    /** The primitives this provider implements. */
    Set<Primitive> primitives();

    /** Empty when the provider can be used; otherwise why not (e.g. a native library is missing). */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /** Whether the code is native (no JIT warm-up needed before it runs at full speed). */
    default boolean nativeCode() {
        return false;
    }

    /** Library versions that matter for speed, for the selection fingerprint; empty for pure Java. */
    default String versionInfo() {
        return "";
    }

    /** For both X25519 roles. */
    default X25519 x25519() {
        throw unsupported(Primitive.X25519_DH);
    }

    default HkdfSha256 hkdf(byte[] salt, byte[] info) {
        throw unsupported(Primitive.HKDF);
    }

    default AesCtr aesCtr() {
        throw unsupported(Primitive.AES_CTR);
    }

    default HmacSha256 hmac() {
        throw unsupported(Primitive.HMAC);
    }

    default ChaCha20 chacha20() {
        throw unsupported(Primitive.CHACHA20);
    }

    default Blake2bMac blake2b() {
        throw unsupported(Primitive.BLAKE2B);
    }

    default AesGcm aesGcm() {
        throw unsupported(Primitive.AES_GCM);
    }

    private UnsupportedOperationException unsupported(Primitive primitive) {
        return new UnsupportedOperationException(name() + " does not implement " + primitive.key());
    }
}
