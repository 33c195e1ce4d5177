package network.mask.node.sphinx;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import network.mask.node.sphinx.crypto.CryptoSelector;
import network.mask.node.sphinx.crypto.SphinxCrypto;

/**
 * Hands out processors and builders that use one chosen set of crypto backends. Thread-safe;
 * the processors and builders it creates are not: give each thread its own.
 *
 * <pre>{@code
 * SphinxEngines engines = SphinxEngines.select(dataDir, Map.of("x25519", "sodium"));
 * Supplier<SphinxProcessor> perThread = engines::processor;
 * }</pre>
 */
public final class SphinxEngines {

    private static volatile SphinxEngines preferred;

    private final SphinxCrypto crypto;
    private final String source;

    private SphinxEngines(SphinxCrypto crypto, String source) {
        this.crypto = crypto;
        this.source = source;
    }

    /**
     * The node's start-up choice: the cached selection in {@code dataDir} if this machine's
     * fingerprint still matches, else a fresh measurement (well under a second) that is then
     * cached; {@code overrides} (configuration, e.g. {@code x25519=bc}) win.
     *
     * @param dataDir where {@value CryptoSelector#CACHE_FILE} is kept; {@code null} for no cache
     * @throws IllegalArgumentException for unknown primitive or backend names in {@code overrides}
     */
    public static SphinxEngines select(Path dataDir, Map<String, String> overrides) {
        CryptoSelector.Selection selection = CryptoSelector.select(dataDir, overrides);
        return new SphinxEngines(selection.crypto(), selection.source());
    }

    public static SphinxEngines of(SphinxCrypto crypto) {
        return new SphinxEngines(crypto, "given");
    }

    /** {@link SphinxCrypto#preferred()} without measuring, computed once per process. */
    public static SphinxEngines preferred() {
        SphinxEngines engines = preferred;
        if (engines == null) {
            synchronized (SphinxEngines.class) {
                if (preferred == null) preferred = new SphinxEngines(SphinxCrypto.preferred(), "preferred");
                engines = preferred;
            }
        }
        return engines;
    }

    /** A new processor for the calling thread. */
    public SphinxProcessor processor() {
        return new SphinxProcessor(crypto);
    }

    /** A new builder for the calling thread. */
    public SphinxPacketBuilder builder() {
        return new SphinxPacketBuilder(crypto);
    }

    /** For worker pools: each {@code get()} is a new processor to keep on one thread. */
    public Supplier<SphinxProcessor> processors() {
        return this::processor;
    }

    public SphinxCrypto crypto() {
        return crypto;
    }

    /** Where the choice came from: {@code cache}, {@code measured}, {@code ...+config}, {@code preferred} or {@code given}. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return crypto.describe() + " (" + source + ")";
    }
}
