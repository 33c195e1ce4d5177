package network.mask.node.replay;

/**
 * Bloom filter dimensions for {@code n} expected tags at false-positive rate {@code p}:
 * {@code m = -n ln p / (ln 2)^2} bits and {@code k = (m/n) ln 2} hash functions.
 * At p = 1e-5 (nym-node's default) that is 24.0 bits (3.0 bytes) per tag and k = 17; at 1e-6,
 * 28.8 bits and k = 20. Same formulas as nym-node's {@code replay_protection/mod.rs}
 * ({@code bitmap_size}, {@code num_of_hash_functions}), rounded up to whole 64-bit words.
 */
public record BloomSizing(long expectedInsertions, double falsePositiveRate, long bitCount, int hashes) {

    /** Fewer bits than this are not worth a filter of their own. */
    static final long MIN_INSERTIONS = 1024;
    /** 2^36 bits = 8 GiB: far above what a node can hold, a guard against absurd settings or files. */
    static final long MAX_BITS = 1L << 36;

    public static BloomSizing of(long expectedInsertions, double falsePositiveRate) {
        if (!(falsePositiveRate > 0 && falsePositiveRate < 1)) {
            throw new IllegalArgumentException("false-positive rate must be in (0, 1)");
        }
        long n = Math.max(MIN_INSERTIONS, expectedInsertions);
        double ln2 = Math.log(2);
        double bits = Math.ceil(-n * Math.log(falsePositiveRate) / (ln2 * ln2));
        long m = ((long) bits + 63) & ~63L;                      // whole 64-bit words
        if (m > MAX_BITS) throw new IllegalArgumentException("replay filter of " + m + " bits is too large");
        int k = Math.max(1, (int) Math.round((double) m / n * ln2));
        return new BloomSizing(n, falsePositiveRate, m, k);
    }

    /**
     * As {@link #of}, but never more than {@code maxBytes} of memory: when {@code expectedInsertions}
     * would need more, the filter holds as many tags as fit at the same false-positive target
     * (past that capacity its false-positive rate rises). Compare {@link #expectedInsertions()}
     * with the request to know whether the cap applied.
     */
    public static BloomSizing capped(long expectedInsertions, double falsePositiveRate, long maxBytes) {
        BloomSizing wanted = of(expectedInsertions, falsePositiveRate);
        if (wanted.memoryBytes() <= maxBytes) return wanted;
        double ln2 = Math.log(2);
        long fit = (long) Math.floor(maxBytes * 8.0 * ln2 * ln2 / -Math.log(falsePositiveRate));
        BloomSizing s = of(Math.max(MIN_INSERTIONS, fit), falsePositiveRate);
        while (s.memoryBytes() > maxBytes && s.expectedInsertions() > MIN_INSERTIONS) {
            s = of(s.expectedInsertions() - Math.max(1, s.expectedInsertions() / 10_000), falsePositiveRate);
        }
        return s;
    }

    public long memoryBytes() {
        return bitCount / 8;
    }

    /** Human-readable memory, for logs. */
    public String memoryText() {
        long bytes = memoryBytes();
        return bytes >= 10L << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }
}
