package network.mask.node.claimfile;

import java.util.Optional;

/** What the start did with {@code masknode-claim.txt}, in words for the owner (never the password). */
public record ClaimFileOutcome(Kind kind, String message) {

    public enum Kind { NONE, CLAIMED, IGNORED, REFUSED }

    static ClaimFileOutcome none() {
        return new ClaimFileOutcome(Kind.NONE, "");
    }

    static ClaimFileOutcome claimedNow(String message) {
        return new ClaimFileOutcome(Kind.CLAIMED, message);
    }

    static ClaimFileOutcome ignored(String message) {
        return new ClaimFileOutcome(Kind.IGNORED, message);
    }

    static ClaimFileOutcome refused(String message) {
        return new ClaimFileOutcome(Kind.REFUSED, message);
    }

    public boolean claimed() {
        return kind == Kind.CLAIMED;
    }

    /** The sentence for the claim and login pages, if there is one. */
    public Optional<String> notice() {
        return kind == Kind.NONE ? Optional.empty() : Optional.of(message);
    }
}
