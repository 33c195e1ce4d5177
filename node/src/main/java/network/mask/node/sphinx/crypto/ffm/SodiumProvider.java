package network.mask.node.sphinx.crypto.ffm;

import java.util.EnumSet;
import java.util.Set;
import network.mask.node.sphinx.crypto.Blake2bMac;
import network.mask.node.sphinx.crypto.ChaCha20;
import network.mask.node.sphinx.crypto.Primitive;
import network.mask.node.sphinx.crypto.X25519;

/** The system's libsodium through FFM: X25519 about twice as fast as BouncyCastle on x86. */
public final class SodiumProvider extends NativeProvider {

    public static final SodiumProvider INSTANCE = new SodiumProvider();

    private SodiumProvider() {}

    @Override
    public String name() {
        return "sodium";
    }

    @Override
    public Set<Primitive> primitives() {
        return EnumSet.of(Primitive.X25519_DH, Primitive.X25519_BLIND, Primitive.CHACHA20, Primitive.BLAKE2B);
    }

    @Override
    String failure() {
        return SodiumLib.FAILURE;
    }

    @Override
    public String versionInfo() {
        return "libsodium " + SodiumLib.VERSION;
    }

    @Override
    public X25519 x25519() {
        requireLoaded();
        return new SodiumX25519();
    }

    @Override
    public ChaCha20 chacha20() {
        requireLoaded();
        return new SodiumChaCha20();
    }

    @Override
    public Blake2bMac blake2b() {
        requireLoaded();
        return new SodiumBlake2b();
    }
}
