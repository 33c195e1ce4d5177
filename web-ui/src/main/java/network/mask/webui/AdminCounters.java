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

    /**
     * @param refusedPeers     requests from outside the home network
     * @param refusedHostNames requests naming a host the page does not answer to (DNS rebinding)
     * @param refusedForms     posts without a valid CSRF token or from another origin
     * @param wrongPasswords   failed logins and factory-reset confirmations
     * @param wrongClaimCodes  wrong one-time codes
     * @param throttled        answers of 429
     * @param invalidForms     forms sent back with field errors
     */
    public record Snapshot(long refusedPeers, long refusedHostNames, long refusedForms, long wrongPasswords,
                           long wrongClaimCodes, long throttled, long invalidForms) {
    }

    public Snapshot snapshot() {
        return new Snapshot(refusedPeers.get(), refusedHostNames.get(), refusedForms.get(), wrongPasswords.get(),
                wrongClaimCodes.get(), throttled.get(), invalidForms.get());
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
