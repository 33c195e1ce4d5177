package network.mask.node.sphinx.crypto;

import java.util.LinkedHashMap;
import java.util.Map;
import network.mask.node.sphinx.crypto.bc.BcProvider;
import network.mask.node.sphinx.crypto.jca.JcaProvider;

/** Named suites for tools (vector checks, benchmarks): one per provider, and the interesting mixes. */
public final class Suites {

    private Suites() {}

    /** {@code provider} for every primitive it implements and passes, BouncyCastle for the rest. */
    public static SphinxCrypto single(CryptoProvider provider) {
        return SphinxCrypto.preferring(provider, BcProvider.INSTANCE);
    }

    /**
     * The best pure-Java mix (no native code): BouncyCastle X25519 and BLAKE2b, the JDK's
     * intrinsic-backed AES, SHA-2 and ChaCha20. HotSpot's XDH is slower than BouncyCastle.
     */
    public static SphinxCrypto pureJava() {
        return SphinxCrypto.preferring(JcaProvider.INSTANCE, BcProvider.INSTANCE)
                .with(Primitive.X25519_DH, BcProvider.INSTANCE)
                .with(Primitive.X25519_BLIND, BcProvider.INSTANCE);
    }

    /**
     * One suite per provider that is loaded, by provider name, then {@code preferred}.
     * Unavailable providers are left out.
     */
    public static Map<String, SphinxCrypto> perProvider() {
        Map<String, SphinxCrypto> out = new LinkedHashMap<>();
        for (CryptoProvider provider : CryptoProviders.all()) {
            if (provider.unavailableReason().isEmpty()) out.put(provider.name(), single(provider));
        }
        out.put("preferred", SphinxCrypto.preferred());
        return out;
    }
}
