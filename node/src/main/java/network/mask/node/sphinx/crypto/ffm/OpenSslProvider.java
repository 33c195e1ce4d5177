package network.mask.node.sphinx.crypto.ffm;

import java.util.EnumSet;
import java.util.Set;
import network.mask.node.sphinx.crypto.AesCtr;
import network.mask.node.sphinx.crypto.AesGcm;
import network.mask.node.sphinx.crypto.Blake2bMac;
import network.mask.node.sphinx.crypto.Primitive;
import network.mask.node.sphinx.crypto.X25519;

/**
 * The system's libcrypto (OpenSSL 3) through FFM: the fastest BLAKE2b on x86, and an X25519
 * that is fast when the scalar repeats (the node key) but slow for fresh scalars (blinding),
 * because OpenSSL computes a public key whenever it imports a private one; and the AES-256-GCM of
 * Noise links and the AES-128-CTR of Sphinx headers, constant-time and fast also on CPUs without AES
 * instructions.
 */
public final class OpenSslProvider extends NativeProvider {

    public static final OpenSslProvider INSTANCE = new OpenSslProvider();

    private OpenSslProvider() {}

    @Override
    public String name() {
        return "openssl";
    }

    @Override
    public Set<Primitive> primitives() {
        return EnumSet.of(Primitive.X25519_DH, Primitive.X25519_BLIND, Primitive.BLAKE2B, Primitive.AES_GCM, Primitive.AES_CTR);
    }

    @Override
    String failure() {
        return OpenSslLib.FAILURE;
    }

    @Override
    public String versionInfo() {
        return OpenSslLib.VERSION;
    }

    @Override
    public X25519 x25519() {
        requireLoaded();
        return new OpenSslX25519();
    }

    @Override
    public Blake2bMac blake2b() {
        requireLoaded();
        return new OpenSslBlake2b();
    }

    @Override
    public AesCtr aesCtr() {
        requireLoaded();
        return new OpenSslAesCtr();
    }

    @Override
    public AesGcm aesGcm() {
        requireLoaded();
        return new OpenSslAesGcm();
    }
}
