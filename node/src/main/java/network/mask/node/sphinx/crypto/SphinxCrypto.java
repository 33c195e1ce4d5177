package network.mask.node.sphinx.crypto;

import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import network.mask.node.sphinx.crypto.bc.BcProvider;
import network.mask.node.sphinx.crypto.ffm.OpenSslProvider;
import network.mask.node.sphinx.crypto.ffm.SodiumProvider;
import network.mask.node.sphinx.crypto.jca.JcaProvider;

/**
 * Which provider implements each primitive. Immutable and shareable between threads; the
 * {@code new*} methods hand out fresh instances, which belong to one thread each.
 */
public final class SphinxCrypto {

    private final EnumMap<Primitive, CryptoProvider> choice;

    private SphinxCrypto(EnumMap<Primitive, CryptoProvider> choice) {
        this.choice = choice;
    }

    /**
     * A suite from an explicit choice for every primitive.
     *
     * @throws IllegalArgumentException if a primitive is missing or its provider cannot serve it
     */
    public static SphinxCrypto of(Map<Primitive, CryptoProvider> choice) {
        EnumMap<Primitive, CryptoProvider> copy = new EnumMap<>(Primitive.class);
        for (Primitive primitive : Primitive.values()) {
            CryptoProvider provider = choice.get(primitive);
            if (provider == null) throw new IllegalArgumentException("no provider for " + primitive.key());
            if (!provider.primitives().contains(primitive)) {
                throw new IllegalArgumentException(provider.name() + " does not implement " + primitive.key());
            }
            provider.unavailableReason().ifPresent(reason -> {
                throw new IllegalArgumentException(reason);
            });
            copy.put(primitive, provider);
        }
        return new SphinxCrypto(copy);
    }

    /** BouncyCastle for everything: portable, the slowest. */
    public static SphinxCrypto portable() {
        return preferring(BcProvider.INSTANCE);
    }

    /**
     * For each primitive, the first of {@code order} that is usable (loaded, implements it, passes
     * its self-test); BouncyCastle when none is.
     */
    public static SphinxCrypto preferring(CryptoProvider... order) {
        EnumMap<Primitive, CryptoProvider> choice = new EnumMap<>(Primitive.class);
        for (Primitive primitive : Primitive.values()) choice.put(primitive, first(primitive, order));
        return new SphinxCrypto(choice);
    }

    /**
     * A good choice without measuring, following ../shared/research/performance.md and this
     * project's own measurements: libcrypto for the node-key DH (it keeps the key prepared),
     * libsodium for blinding and BLAKE2b, libcrypto for AES (CTR and GCM: three times the JDK's
     * speed on 360 B even with AES-NI, and constant-time without AES instructions), the JDK for
     * SHA-2 and (where HotSpot has the intrinsic) ChaCha20, BouncyCastle wherever nothing better loads.
     */
    public static SphinxCrypto preferred() {
        EnumMap<Primitive, CryptoProvider> choice = new EnumMap<>(Primitive.class);
        for (Primitive symmetric : new Primitive[] {Primitive.HKDF, Primitive.HMAC, Primitive.CHACHA20}) {
            choice.put(symmetric, first(symmetric, JcaProvider.INSTANCE));
        }
        choice.put(Primitive.AES_CTR, first(Primitive.AES_CTR, OpenSslProvider.INSTANCE, JcaProvider.INSTANCE));
        choice.put(Primitive.X25519_DH, first(Primitive.X25519_DH, OpenSslProvider.INSTANCE, SodiumProvider.INSTANCE));
        choice.put(Primitive.X25519_BLIND, first(Primitive.X25519_BLIND, SodiumProvider.INSTANCE));
        choice.put(Primitive.BLAKE2B, first(Primitive.BLAKE2B, SodiumProvider.INSTANCE, OpenSslProvider.INSTANCE));
        // Native from the first message (no JIT warm-up) and constant-time where the CPU has no AES instructions.
        choice.put(Primitive.AES_GCM, first(Primitive.AES_GCM, OpenSslProvider.INSTANCE, JcaProvider.INSTANCE));
        if (!JitIntrinsics.accelerates(Primitive.CHACHA20)) {
            choice.put(Primitive.CHACHA20, first(Primitive.CHACHA20, SodiumProvider.INSTANCE, JcaProvider.INSTANCE));
        }
        return new SphinxCrypto(choice);
    }

    /** The first usable of {@code order} for {@code primitive}, else BouncyCastle. */
    private static CryptoProvider first(Primitive primitive, CryptoProvider... order) {
        for (CryptoProvider candidate : order) {
            if (CryptoProviders.usable(candidate, primitive)) return candidate;
        }
        return BcProvider.INSTANCE;
    }

    /** This suite with {@code primitive} served by {@code provider}. */
    public SphinxCrypto with(Primitive primitive, CryptoProvider provider) {
        EnumMap<Primitive, CryptoProvider> copy = new EnumMap<>(choice);
        copy.put(primitive, provider);
        return of(copy);
    }

    public CryptoProvider provider(Primitive primitive) {
        return choice.get(primitive);
    }

    /** X25519 for the node-key DH (the scalar rarely changes). */
    public X25519 newDh() {
        return choice.get(Primitive.X25519_DH).x25519();
    }

    /** X25519 for blinding and packet creation (a new scalar on every call). */
    public X25519 newBlinding() {
        return choice.get(Primitive.X25519_BLIND).x25519();
    }

    public HkdfSha256 newHkdf(byte[] salt, byte[] info) {
        return choice.get(Primitive.HKDF).hkdf(salt, info);
    }

    public AesCtr newAesCtr() {
        return choice.get(Primitive.AES_CTR).aesCtr();
    }

    public HmacSha256 newHmac() {
        return choice.get(Primitive.HMAC).hmac();
    }

    public ChaCha20 newChaCha20() {
        return choice.get(Primitive.CHACHA20).chacha20();
    }

    public Blake2bMac newBlake2b() {
        return choice.get(Primitive.BLAKE2B).blake2b();
    }

    /** For Noise links (not a hop primitive). */
    public AesGcm newAesGcm() {
        return choice.get(Primitive.AES_GCM).aesGcm();
    }

    /** {@code x25519-dh=openssl,x25519-blind=sodium,...}: for logs, reports and the bench line. */
    public String describe() {
        StringJoiner joiner = new StringJoiner(",");
        choice.forEach((primitive, provider) -> joiner.add(primitive.key() + "=" + provider.name()));
        return joiner.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SphinxCrypto that && choice.equals(that.choice);
    }

    @Override
    public int hashCode() {
        return choice.hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }
}
