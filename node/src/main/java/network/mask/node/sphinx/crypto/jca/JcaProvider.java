package network.mask.node.sphinx.crypto.jca;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import network.mask.node.sphinx.crypto.AesCtr;
import network.mask.node.sphinx.crypto.AesGcm;
import network.mask.node.sphinx.crypto.ChaCha20;
import network.mask.node.sphinx.crypto.CryptoProvider;
import network.mask.node.sphinx.crypto.HkdfSha256;
import network.mask.node.sphinx.crypto.HmacSha256;
import network.mask.node.sphinx.crypto.Primitive;
import network.mask.node.sphinx.crypto.X25519;

/**
 * The JDK's own providers (SunJCE, SunEC): HotSpot has intrinsics for AES-CTR, AES-GCM, SHA-256 and
 * ChaCha20. The JDK has no BLAKE2b. Its XDH is pure Java and slower than BouncyCastle, but correct.
 */
public final class JcaProvider implements CryptoProvider {

    public static final JcaProvider INSTANCE = new JcaProvider();

    private JcaProvider() {}

    @Override
    public String name() {
        return "jca";
    }

    @Override
    public Set<Primitive> primitives() {
        return EnumSet.of(Primitive.X25519_DH, Primitive.X25519_BLIND, Primitive.HKDF,
                Primitive.AES_CTR, Primitive.HMAC, Primitive.CHACHA20, Primitive.AES_GCM);
    }

    @Override
    public X25519 x25519() {
        return new JcaX25519();
    }

    @Override
    public HkdfSha256 hkdf(byte[] salt, byte[] info) {
        return new JcaHkdf(salt, info);
    }

    @Override
    public AesCtr aesCtr() {
        return new JcaAesCtr();
    }

    @Override
    public HmacSha256 hmac() {
        return new JcaHmac();
    }

    @Override
    public ChaCha20 chacha20() {
        return new JcaChaCha20();
    }

    @Override
    public AesGcm aesGcm() {
        return new JcaAesGcm();
    }

    /**
     * SunJCE first: if BouncyCastle was registered as a JCA provider elsewhere in the process, a
     * plain {@code getInstance} could silently hand us BouncyCastle and the choice would be moot.
     */
    static Mac mac(String algorithm) {
        try {
            return Mac.getInstance(algorithm, "SunJCE");
        } catch (GeneralSecurityException e) {
            try {
                return Mac.getInstance(algorithm);
            } catch (NoSuchAlgorithmException missing) {
                throw new IllegalStateException("JDK lacks " + algorithm, missing);
            }
        }
    }

    static Cipher cipher(String transformation) {
        try {
            return Cipher.getInstance(transformation, "SunJCE");
        } catch (GeneralSecurityException e) {
            try {
                return Cipher.getInstance(transformation);
            } catch (GeneralSecurityException missing) {
                throw new IllegalStateException("JDK lacks " + transformation, missing);
            }
        }
    }
}
