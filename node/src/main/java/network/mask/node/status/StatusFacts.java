package network.mask.node.status;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The facts the status is derived from, read at one moment.
 *
 * @param publicAddressSet the node announces a public address or host name ({@code [mixnet] announce_host})
 * @param termsAccepted the owner accepted the Nym operator terms
 * @param directory what the network's directory says about the node
 * @param described when the network's directory last read the node's description from its public API, if ever
 * @param reached when something outside the home network last reached the node, and what, if ever
 * @param healthReasons the board's health alarms ({@code under-voltage}, {@code throttled}, {@code cpu-hot},
 *                      {@code disk-low}, {@code memory-low})
 * @param now the moment of reading
 */
public record StatusFacts(boolean publicAddressSet, boolean termsAccepted, DirectoryFacts directory,
                          Optional<Instant> described, Optional<Evidence> reached, Set<String> healthReasons, Instant now) {

    /** @param at when; {@code by} who reached it, in words ("the network's directory", "a mix node") */
    public record Evidence(Instant at, String by) {
        public Evidence {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(by, "by");
        }
    }

    public StatusFacts {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(described, "described");
        Objects.requireNonNull(reached, "reached");
        healthReasons = Set.copyOf(healthReasons);
        Objects.requireNonNull(now, "now");
    }
}
