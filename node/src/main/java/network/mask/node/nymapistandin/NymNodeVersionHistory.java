package network.mask.node.nymapistandin;

import java.util.ArrayList;
import java.util.List;

/**
 * The nym-node release chain the mixnet contract keeps, and nym-api's "versions behind" count against
 * it ({@code HistoricalNymNodeVersion} and {@code OutdatedVersionWeights::versions_behind_factor},
 * {@code common/cosmwasm-smart-contracts/mixnet-contract/src/config_score.rs}).
 */
public final class NymNodeVersionHistory {

    /** {@code TotalVersionDifference}. */
    record Difference(long major, long minor, long patch, long prerelease) {
        static final Difference ZERO = new Difference(0, 0, 0, 0);

        Difference plus(Difference o) {
            return new Difference(major + o.major, minor + o.minor, patch + o.patch, prerelease + o.prerelease);
        }

        /** Saturating, field by field, as nym's {@code Sub}. */
        Difference minus(Difference o) {
            return new Difference(Math.max(0, major - o.major), Math.max(0, minor - o.minor),
                    Math.max(0, patch - o.patch), Math.max(0, prerelease - o.prerelease));
        }
    }

    /** {@code OutdatedVersionWeights}; nym's defaults are 100, 10, 1, 1. */
    public record Weights(long major, long minor, long patch, long prerelease) {
        public static final Weights DEFAULT = new Weights(100, 10, 1, 1);

        long factor(Difference d) {
            return d.major() * major + d.minor() * minor + d.patch() * patch + d.prerelease() * prerelease;
        }
    }

    record Entry(Semver version, Difference sinceGenesis) {}

    private final List<Entry> chain;

    private NymNodeVersionHistory(List<Entry> chain) {
        this.chain = List.copyOf(chain);
    }

    /** A chain of releases, oldest first, as the contract records them one after another. */
    public static NymNodeVersionHistory of(String... releases) {
        List<Entry> chain = new ArrayList<>();
        for (String r : releases) {
            Semver v = Semver.parse(r);
            if (chain.isEmpty()) chain.add(new Entry(v, Difference.ZERO));
            else chain.add(new Entry(v, cumulative(chain.getLast(), v)));
        }
        return new NymNodeVersionHistory(chain);
    }

    List<Entry> entries() {
        return chain;
    }

    /** Versions behind for a version text; -1 when semver cannot parse it. */
    public long versionsBehind(String version, Weights weights) {
        return Semver.parses(version) ? versionsBehind(Semver.parse(version), weights) : -1;
    }

    /** {@code versions_behind_factor}. */
    long versionsBehind(Semver node, Weights weights) {
        if (chain.isEmpty()) return 0;
        Entry latest = chain.getLast();
        if (node.compareTo(latest.version()) > 0) {
            // Ahead of the chain: the benefit of the doubt for one step, a major's penalty for more.
            return oneStepApart(node, latest.version()) ? 0 : weights.major();
        }
        Entry floor = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i).version().compareTo(node) <= 0) {
                floor = chain.get(i);
                break;
            }
        }
        Difference diff;
        if (floor != null) {
            Difference sinceGenesis = floor.version().toString().equals(node.toString())
                    ? floor.sinceGenesis() : cumulative(floor, node);
            diff = latest.sinceGenesis().minus(sinceGenesis);
        } else {
            diff = againstLegacy(chain.getFirst().version(), node).plus(latest.sinceGenesis());
        }
        return weights.factor(diff);
    }

    /** {@code cumulative_difference_since_genesis}: the difference a release right after {@code previous} adds. */
    private static Difference cumulative(Entry previous, Semver next) {
        Semver p = previous.version();
        Difference d = previous.sinceGenesis();
        if (next.major() > p.major()) return d.plus(new Difference(next.major() - p.major(), 0, 0, 0));
        if (next.minor() > p.minor()) return d.plus(new Difference(0, next.minor() - p.minor(), 0, 0));
        if (next.patch() > p.patch()) return d.plus(new Difference(0, 0, next.patch() - p.patch(), 0));
        if (!next.pre().equals(p.pre())) return d.plus(new Difference(0, 0, 0, 1));
        return d;
    }

    /** {@code difference_against_legacy}. */
    private static Difference againstLegacy(Semver genesis, Semver legacy) {
        long major = Math.abs(genesis.major() - legacy.major());
        long minor = Math.abs(genesis.minor() - legacy.minor());
        long patch = Math.abs(genesis.patch() - legacy.patch());
        if (major != 0) return new Difference(major, 0, 0, 0);
        if (minor != 0) return new Difference(0, minor, 0, 0);
        return new Difference(0, 0, patch, genesis.pre().equals(legacy.pre()) ? 0 : 1);
    }

    /** {@code is_one_semver_difference}. */
    private static boolean oneStepApart(Semver a, Semver b) {
        long major = Math.abs(a.major() - b.major());
        long minor = Math.abs(a.minor() - b.minor());
        long patch = Math.abs(a.patch() - b.patch());
        if (major == 1) return true;
        if (major == 0 && minor == 1) return true;
        if (major == 0 && minor == 0 && patch == 1) return true;
        return !a.pre().equals(b.pre());
    }
}
