package network.mask.node.sphinx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import network.mask.node.sphinx.crypto.CryptoProvider;
import network.mask.node.sphinx.crypto.KnownAnswers;
import network.mask.node.sphinx.crypto.Primitive;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import network.mask.node.sphinx.crypto.bc.BcProvider;
import network.mask.node.sphinx.crypto.ffm.OpenSslProvider;
import network.mask.node.sphinx.crypto.ffm.SodiumProvider;
import network.mask.node.sphinx.crypto.jca.JcaProvider;
import org.junit.jupiter.api.Named;

/**
 * One suite per provider: that provider for every primitive it implements, BouncyCastle for the
 * rest, plus the preferred mix. The native libraries are required (CI installs libsodium23 and
 * libssl3): a missing one fails the tests instead of silently testing BouncyCastle twice.
 */
public final class Backends {

    private Backends() {}

    public static List<Named<SphinxCrypto>> suites() {
        return List.of(
                Named.of("bc", SphinxCrypto.portable()),
                Named.of("jca", single(JcaProvider.INSTANCE)),
                Named.of("sodium", single(SodiumProvider.INSTANCE)),
                Named.of("openssl", single(OpenSslProvider.INSTANCE)),
                Named.of("preferred", SphinxCrypto.preferred()));
    }

    public static List<CryptoProvider> providers() {
        for (CryptoProvider provider : List.of(SodiumProvider.INSTANCE, OpenSslProvider.INSTANCE)) {
            Optional<String> reason = provider.unavailableReason();
            assertTrue(reason.isEmpty(), () -> provider.name() + " must be installed for the tests: " + reason.get());
        }
        return List.of(BcProvider.INSTANCE, JcaProvider.INSTANCE, SodiumProvider.INSTANCE, OpenSslProvider.INSTANCE);
    }

    static SphinxCrypto single(CryptoProvider provider) {
        providers();
        SphinxCrypto crypto = SphinxCrypto.preferring(provider, BcProvider.INSTANCE);
        for (Primitive primitive : provider.primitives()) {
            assertEquals(Optional.empty(), KnownAnswers.check(provider, primitive));
            assertEquals(provider, crypto.provider(primitive), primitive.key());
        }
        return crypto;
    }
}
