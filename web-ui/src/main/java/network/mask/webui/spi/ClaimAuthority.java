package network.mask.webui.spi;

import java.util.Optional;

/**
 * Proof that the first visitor is physically at the box (or at its console). Until the box is
 * claimed, this is the only way in. {@code network.mask.webui.claim.OneTimeClaimCode} is the
 * ready-made implementation; the node only has to supply the button check.
 */
public interface ClaimAuthority {

    /**
     * True exactly once for the right one-time code; the code is spent on success.
     * Implementations compare in constant time.
     */
    boolean acceptCode(String candidate);

    /**
     * True if the box's button was briefly pressed within the last short window and that press has
     * not been used yet; the press is used up by this call, so one press lets exactly one claimer in.
     */
    boolean takeButtonPress();

    /** Tells the owner how to claim, e.g. prints the one-time code to the console and journal. */
    void announce();

    /** Whether the box has a button to press (board config); the claim page offers the press only then. */
    default boolean hasButton() {
        return true;
    }

    /**
     * A sentence for the claim and login pages about a claim the box took by itself at start, e.g.
     * from a password file on the SD card ("claimed with ...; log in", or why the file was refused).
     */
    default Optional<String> notice() {
        return Optional.empty();
    }
}
