package network.mask.webui;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How often the setup page refused something, so the node can publish it with its own metrics
 * (a sudden rise in refused peers or wrong passwords is worth an alert).
 */
public final class AdminCounters {

    private final AtomicLong refusedPeers = new AtomicLong();
    private final AtomicLong refusedHostNames = new AtomicLong();
    private final AtomicLong refusedForms = new AtomicLong();
    private final AtomicLong wrongPasswords = new AtomicLong();
    private final AtomicLong wrongClaimCodes = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong invalidForms = new AtomicLong();
    private final AtomicLong oversizedPosts = new AtomicLong();
    private final AtomicLong refusedClaims = new AtomicLong();
    private final AtomicLong refusedBackups = new AtomicLong();
    private final AtomicLong refusedSettings = new AtomicLong();

    /**
     * @param refusedPeers     requests from outside the home network
     * @param refusedHostNames requests naming a host the page does not answer to (DNS rebinding)
     * @param refusedForms     posts without a valid CSRF token or from another origin
     * @param wrongPasswords   failed logins and factory-reset confirmations
     * @param wrongClaimCodes  wrong one-time codes
     * @param throttled        answers of 429
     * @param invalidForms     forms sent back with field errors
     * @param oversizedPosts   posts refused with 413 (body larger than the route accepts)
     * @param refusedClaims    claim attempts without a code while no unused button press was waiting
     * @param refusedBackups   restores refused (not a backup, wrong passphrase, too large or costly, refused by the node)
     * @param refusedSettings  settings the validator passed but the node's config refused
     */
    public record Snapshot(long refusedPeers, long refusedHostNames, long refusedForms, long wrongPasswords,
                           long wrongClaimCodes, long throttled, long invalidForms, long oversizedPosts,
                           long refusedClaims, long refusedBackups, long refusedSettings) {
    }

    public Snapshot snapshot() {
        return new Snapshot(refusedPeers.get(), refusedHostNames.get(), refusedForms.get(), wrongPasswords.get(),
                wrongClaimCodes.get(), throttled.get(), invalidForms.get(), oversizedPosts.get(), refusedClaims.get(),
                refusedBackups.get(), refusedSettings.get());
    }

    public void oversizedPost() {
        oversizedPosts.incrementAndGet();
    }

    public void refusedClaim() {
        refusedClaims.incrementAndGet();
    }

    public void refusedBackup() {
        refusedBackups.incrementAndGet();
    }

    public void refusedSettings() {
        refusedSettings.incrementAndGet();
    }

    public void refusedPeer() {
        refusedPeers.incrementAndGet();
    }

    public void refusedHostName() {
        refusedHostNames.incrementAndGet();
    }

    public void refusedForm() {
        refusedForms.incrementAndGet();
    }

    public void wrongPassword() {
        wrongPasswords.incrementAndGet();
    }

    public void wrongClaimCode() {
        wrongClaimCodes.incrementAndGet();
    }

    public void throttled() {
        throttled.incrementAndGet();
    }

    public void invalidForm() {
        invalidForms.incrementAndGet();
    }
}
