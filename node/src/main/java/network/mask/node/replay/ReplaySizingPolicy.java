package network.mask.node.replay;

import java.time.Duration;

/**
 * How big each key's replay filter is made, following nym-node
 * ({@code nym-node/src/node/replay_protection/manager.rs}, {@code allocate_pre_announced};
 * defaults in {@code nym-node/src/config/mod.rs}, {@code ReplayProtectionDebug}): a filter made
 * for a pre-announced key holds {@code max(measured rate, 200/s) x key lifetime x 1.12} tags,
 * (and never less than the configured {@code startRate}), where the key lifetime is {@code (validity_epochs + 1) x epoch_duration} (its rotation plus the
 * overlap epoch). A filter made at start, before any rate is measured, uses
 * {@code max(startRate, 200/s) x lifetime}. Unlike nym-node, every filter is capped at {@code maxBytes}: a
 * 1 GB board cannot hold nym's start-up filter (2000/s x 25 h at 1e-5 is 539 MB).
 *
 * @param falsePositiveRate target false-positive rate (nym-node: 1e-5)
 * @param startRate         packets per second assumed for a filter made at start
 * @param maxBytes          memory cap of one filter; at most two exist at once
 */
public record ReplaySizingPolicy(double falsePositiveRate, long startRate, long maxBytes) {

    /** nym-node's {@code DEFAULT_BLOOMFILTER_MINIMUM_PACKETS_PER_SECOND_SIZE}. */
    public static final long MIN_RATE = 200;
    /** nym-node's {@code DEFAULT_BLOOMFILTER_SIZE_MULTIPLIER}: room for traffic growth. */
    public static final double MULTIPLIER = 1.12;

    private static final System.Logger LOG = System.getLogger(ReplaySizingPolicy.class.getName());

    /** A filter made at start for a key that lives {@code lifetime}. */
    public BloomSizing atStart(Duration lifetime) {
        return sized(Math.max(startRate, MIN_RATE) * Math.max(1, lifetime.toSeconds()));
    }

    /**
     * A filter for a pre-announced key, from the rate measured on the current one (-1: unknown).
     * The configured start rate ({@code replay.expected_rate}) is a floor as well as nym's 200/s: a
     * rate measured over a short or quiet stretch (right after a restart, traffic not yet back) must
     * not leave the next rotation's filter too small for the traffic the owner said to expect.
     */
    public BloomSizing forNextKey(double measuredRate, Duration lifetime) {
        long rate = Math.max(Math.round(Math.max(0, measuredRate)), Math.max(startRate, MIN_RATE));
        return sized(Math.round(rate * (double) Math.max(1, lifetime.toSeconds()) * MULTIPLIER));
    }

    private BloomSizing sized(long tags) {
        BloomSizing s = BloomSizing.capped(tags, falsePositiveRate, maxBytes);
        if (s.expectedInsertions() < tags) {
            LOG.log(System.Logger.Level.WARNING, String.format(java.util.Locale.ROOT,
                    "a replay filter for %d tags would need %d MiB; capped at replay.max_filter_mib (%d MiB, %d tags):"
                    + " past that its false-positive rate rises above %.0e",
                    tags, BloomSizing.of(tags, falsePositiveRate).memoryBytes() >> 20, maxBytes >> 20,
                    s.expectedInsertions(), falsePositiveRate));
        }
        return s;
    }
}
