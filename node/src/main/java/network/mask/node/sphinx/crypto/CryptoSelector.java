package network.mask.node.sphinx.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import network.mask.node.storage.AtomicFiles;

/**
 * Picks the fastest correct provider per primitive at start-up. Every candidate first passes
 * {@link KnownAnswers}; then each is timed on its hop-sized workload for a few tens of
 * milliseconds of the measuring thread's CPU time (not wall time: on a busy two-core machine a
 * candidate descheduled mid-slice would otherwise look twice as slow, and a localnet run once
 * chose BouncyCastle's X25519 at half libsodium's speed that way), interleaved in rounds so that
 * what load remains (caches, turbo) hurts all alike, until every rate is steady (HotSpot has
 * compiled the Java candidates) or ten rounds have passed. The choice is
 * cached in {@value #CACHE_FILE} under the node's data directory together with a
 * {@link CryptoFingerprint}, and re-measured when the fingerprint changes. Configuration
 * overrides win over both.
 */
public final class CryptoSelector {

    public static final String CACHE_FILE = "sphinx-crypto.properties";
    /** Configuration key that sets both X25519 roles at once. */
    public static final String X25519_KEY = "x25519";

    private static final System.Logger LOG = System.getLogger(CryptoSelector.class.getName());
    /** Java code needs C2 (and its intrinsics) before it is timed; native code only its caches. */
    private static final long JAVA_WARMUP_CALLS = 12_000;
    private static final long NATIVE_WARMUP_CALLS = 256;
    private static final long WARMUP_CAP_NANOS = 40_000_000;
    private static final long SLICE_NANOS = 4_000_000;
    /** Rounds continue until every candidate's rate is steady (the JIT has finished), within limits. */
    private static final int MIN_ROUNDS = 3;
    private static final int MAX_ROUNDS = 10;
    private static final double STEADY = 0.15;

    /** The outcome, with the measured rates (operations/s per provider name) when it was measured. */
    public record Selection(SphinxCrypto crypto, String source, Map<Primitive, Map<String, Double>> opsPerSecond) {}

    private CryptoSelector() {}

    /**
     * Selects the suite.
     *
     * @param cacheDir where {@value #CACHE_FILE} lives (the node's data directory); {@code null} to neither read nor write a cache
     * @param overrides configuration, e.g. {@code x25519=bc} or {@code blake2b=sodium}; keys are
     *     {@link Primitive#key()}s or {@value #X25519_KEY}, values provider names
     * @throws IllegalArgumentException for an unknown key or provider name, or a provider that does not implement the primitive
     */
    public static Selection select(Path cacheDir, Map<String, String> overrides) {
        Map<Primitive, CryptoProvider> wanted = parseOverrides(overrides);
        String fingerprint = CryptoFingerprint.current();
        Path cacheFile = cacheDir == null ? null : cacheDir.resolve(CACHE_FILE);
        Selection base = cacheFile == null ? null : readCache(cacheFile, fingerprint);
        if (base == null) {
            long start = System.nanoTime();
            base = measure(); // everything, even what configuration overrides: the cache outlives the configuration
            LOG.log(System.Logger.Level.INFO, "Sphinx crypto measured in {0} ms: {1}",
                    (System.nanoTime() - start) / 1_000_000, base.crypto().describe());
            if (cacheFile != null) writeCache(cacheFile, fingerprint, base);
        }
        SphinxCrypto crypto = base.crypto();
        for (Map.Entry<Primitive, CryptoProvider> entry : wanted.entrySet()) {
            var failure = KnownAnswers.check(entry.getValue(), entry.getKey());
            if (failure.isPresent()) {
                LOG.log(System.Logger.Level.WARNING, "ignoring configured {0}={1}: {2}",
                        entry.getKey().key(), entry.getValue().name(), failure.get());
            } else {
                crypto = crypto.with(entry.getKey(), entry.getValue());
            }
        }
        String source = wanted.isEmpty() ? base.source() : base.source() + "+config";
        LOG.log(System.Logger.Level.INFO, "Sphinx crypto backends ({0}): {1}", source, crypto.describe());
        return new Selection(crypto, source, base.opsPerSecond());
    }

    /** Measures every usable, not dominated provider of each primitive; a single candidate is taken unmeasured. */
    public static Selection measure() {
        EnumMap<Primitive, CryptoProvider> choice = new EnumMap<>(Primitive.class);
        Map<Primitive, Map<String, Double>> rates = new EnumMap<>(Primitive.class);
        for (Primitive primitive : Primitive.values()) {
            List<CryptoProvider> candidates = new ArrayList<>();
            for (CryptoProvider provider : CryptoProviders.all()) {
                if (!dominated(provider, primitive) && CryptoProviders.usable(provider, primitive)) candidates.add(provider);
            }
            if (candidates.size() == 1) {
                choice.put(primitive, candidates.getFirst()); // BouncyCastle is always usable
                continue;
            }
            Map<String, Double> measured = timeCandidates(primitive, candidates);
            rates.put(primitive, measured);
            CryptoProvider best = candidates.getFirst();
            for (CryptoProvider candidate : candidates) {
                if (measured.get(candidate.name()) > measured.get(best.name())) best = candidate;
            }
            choice.put(primitive, best);
        }
        return new Selection(SphinxCrypto.of(choice), "measured", Collections.unmodifiableMap(rates));
    }

    private static Map<String, Double> timeCandidates(Primitive primitive, List<CryptoProvider> candidates) {
        List<PrimitiveWorkload> workloads = new ArrayList<>();
        for (CryptoProvider candidate : candidates) {
            PrimitiveWorkload workload = PrimitiveWorkload.of(candidate, primitive);
            workload.warmUp(candidate.nativeCode() ? NATIVE_WARMUP_CALLS : JAVA_WARMUP_CALLS, WARMUP_CAP_NANOS);
            workloads.add(workload);
        }
        Map<String, Double> best = new LinkedHashMap<>();
        double[] previous = new double[candidates.size()];
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean steady = true;
            for (int i = 0; i < candidates.size(); i++) {
                double rate = workloads.get(i).measure(SLICE_NANOS);
                steady &= Math.abs(rate - previous[i]) <= STEADY * rate;
                previous[i] = rate;
                best.merge(candidates.get(i).name(), rate, Math::max);
            }
            if (steady && round + 1 >= MIN_ROUNDS) break;
        }
        return best;
    }

    /**
     * Correct but never faster, per ../shared/research/performance.md, so not worth start-up time;
     * configuration can still choose them. The JDK's XDH is pure Java with no intrinsic on any
     * platform (slower than BouncyCastle); OpenSSL imports every new scalar with a fixed-base
     * multiplication, doubling the cost of blinding; BouncyCastle's AES, SHA-256 and ChaCha20 lose
     * to the JDK's by 5 to 90 times wherever HotSpot has the intrinsic, which a measurement of
     * not-yet-compiled code would miss.
     */
    static boolean dominated(CryptoProvider provider, Primitive primitive) {
        boolean x25519 = primitive == Primitive.X25519_DH || primitive == Primitive.X25519_BLIND;
        return provider.name().equals("jca") && x25519
                || provider.name().equals("openssl") && primitive == Primitive.X25519_BLIND
                || provider.name().equals("bc") && JitIntrinsics.accelerates(primitive);
    }

    static Map<Primitive, CryptoProvider> parseOverrides(Map<String, String> overrides) {
        Map<Primitive, CryptoProvider> wanted = new EnumMap<>(Primitive.class);
        if (overrides == null) return wanted;
        for (Map.Entry<String, String> entry : overrides.entrySet()) {
            CryptoProvider provider = CryptoProviders.byName(entry.getValue());
            if (provider == null) {
                throw new IllegalArgumentException("unknown crypto backend '" + entry.getValue() + "' for "
                        + entry.getKey() + "; known: " + CryptoProviders.names());
            }
            List<Primitive> primitives = entry.getKey().trim().equalsIgnoreCase(X25519_KEY)
                    ? List.of(Primitive.X25519_DH, Primitive.X25519_BLIND)
                    : Collections.singletonList(Primitive.fromKey(entry.getKey()));
            for (Primitive primitive : primitives) {
                if (primitive == null) {
                    throw new IllegalArgumentException("unknown crypto primitive '" + entry.getKey() + "'; known: "
                            + X25519_KEY + ", " + String.join(", ", java.util.Arrays.stream(Primitive.values())
                            .map(Primitive::key).toList()));
                }
                if (!provider.primitives().contains(primitive)) {
                    throw new IllegalArgumentException(provider.name() + " does not implement " + primitive.key());
                }
                wanted.put(primitive, provider);
            }
        }
        return wanted;
    }

    /** The cached choice, or {@code null} when absent, stale, unreadable or naming a provider that no longer passes. */
    static Selection readCache(Path file, String fingerprint) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring unreadable {0}: {1}", file, e.getMessage());
            return null;
        }
        if (!fingerprint.equals(props.getProperty("fingerprint"))) return null;
        EnumMap<Primitive, CryptoProvider> choice = new EnumMap<>(Primitive.class);
        for (Primitive primitive : Primitive.values()) {
            String name = props.getProperty(primitive.key());
            CryptoProvider provider = name == null ? null : CryptoProviders.byName(name);
            if (provider == null || !CryptoProviders.usable(provider, primitive)) return null;
            choice.put(primitive, provider);
        }
        return new Selection(SphinxCrypto.of(choice), "cache", Map.of());
    }

    static void writeCache(Path file, String fingerprint, Selection selection) {
        StringWriter text = new StringWriter();
        text.append("# Sphinx crypto backends chosen by measurement; delete this file to measure again.\n");
        text.append("# The choice is reused while the fingerprint matches this machine.\n");
        text.append("fingerprint=").append(escape(fingerprint)).append('\n');
        for (Primitive primitive : Primitive.values()) {
            text.append(primitive.key()).append('=').append(selection.crypto().provider(primitive).name()).append('\n');
        }
        selection.opsPerSecond().forEach((primitive, rates) -> {
            StringJoiner joiner = new StringJoiner(", ");
            rates.forEach((name, rate) -> joiner.add(name + " " + Math.round(rate) + "/s"));
            text.append("# measured ").append(primitive.key()).append(": ").append(joiner.toString()).append('\n');
        });
        try {
            AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_WRITE);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot cache the Sphinx crypto choice in {0}: {1}", file, e.getMessage());
        }
    }

    /** Properties escaping for a value (backslashes, and the separators that start a line). */
    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!') out.append('\\');
            out.append(c);
        }
        return out.toString();
    }
}
