package network.mask.node.sphinx.crypto;

import java.util.List;
import java.util.Locale;
import network.mask.node.sphinx.crypto.bc.BcProvider;
import network.mask.node.sphinx.crypto.ffm.OpenSslProvider;
import network.mask.node.sphinx.crypto.ffm.SodiumProvider;
import network.mask.node.sphinx.crypto.jca.JcaProvider;

/** Every provider the node knows, available or not. */
public final class CryptoProviders {

    private static final List<CryptoProvider> ALL = List.of(
            BcProvider.INSTANCE, JcaProvider.INSTANCE, SodiumProvider.INSTANCE, OpenSslProvider.INSTANCE);

    private CryptoProviders() {}

    public static List<CryptoProvider> all() {
        return ALL;
    }

    /** The provider called {@code name}, or {@code null}. */
    public static CryptoProvider byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (CryptoProvider provider : ALL) {
            if (provider.name().equals(wanted)) return provider;
        }
        return null;
    }

    /** Whether {@code provider} is loaded, implements {@code primitive} and passes its self-test. */
    public static boolean usable(CryptoProvider provider, Primitive primitive) {
        return provider.primitives().contains(primitive) && KnownAnswers.check(provider, primitive).isEmpty();
    }

    /**
     * One line per provider for reports, e.g. {@code backend sodium: loaded (native, libsodium 1.0.18)}
     * or {@code backend openssl: NOT loaded: libcrypto unavailable: ...}.
     */
    public static List<String> availability() {
        return ALL.stream().map(provider -> "backend " + provider.name() + ": " + provider.unavailableReason()
                .map(reason -> "NOT loaded: " + reason)
                .orElseGet(() -> "loaded (" + (provider.nativeCode() ? "native" : "java")
                        + (provider.versionInfo().isEmpty() ? "" : ", " + provider.versionInfo()) + ")"))
                .toList();
    }

    /** {@code bc, jca, sodium, openssl}: for error messages. */
    public static String names() {
        return String.join(", ", ALL.stream().map(CryptoProvider::name).toList());
    }
}
