package network.mask.node.sphinx.crypto.bc;

import java.util.EnumSet;
import java.util.Set;
import network.mask.node.sphinx.crypto.AesCtr;
import network.mask.node.sphinx.crypto.AesGcm;
import network.mask.node.sphinx.crypto.Blake2bMac;
import network.mask.node.sphinx.crypto.ChaCha20;
import network.mask.node.sphinx.crypto.CryptoProvider;
import network.mask.node.sphinx.crypto.HkdfSha256;
import network.mask.node.sphinx.crypto.HmacSha256;
import network.mask.node.sphinx.crypto.Primitive;
import network.mask.node.sphinx.crypto.X25519;

/** BouncyCastle's lightweight API: portable, always available, the reference for cross-checks. */
public final class BcProvider implements CryptoProvider {

    public static final BcProvider INSTANCE = new BcProvider();

    private BcProvider() {}

    @Override
    public String name() {
        return "bc";
    }

    @Override
    public Set<Primitive> primitives() {
        return EnumSet.allOf(Primitive.class);
    }

    @Override
    public X25519 x25519() {
        return new BcX25519();
    }

    @Override
    public HkdfSha256 hkdf(byte[] salt, byte[] info) {
        return new BcHkdf(salt, info);
    }

    @Override
    public AesCtr aesCtr() {
        return new BcAesCtr();
    }

    @Override
    public HmacSha256 hmac() {
        return new BcHmac();
    }

    @Override
    public ChaCha20 chacha20() {
        return new BcChaCha20();
    }

    @Override
    public Blake2bMac blake2b() {
        return new BcBlake2b();
    }

    @Override
    public AesGcm aesGcm() {
        return new BcAesGcm();
    }
}
