package network.mask.node.update;

import java.time.Duration;

/**
 * Decides whether a new version keeps its place (docs/updates.md, step 6): it must be
 * {@code active/running} (it said READY), in a process started after the switch, keep that same
 * process for {@code stable} without systemd restarting it, and send at least one watchdog ping
 * in that time (its health check passed); all within {@code timeout}. Pure decision logic: the
 * caller feeds it what systemd reports.
 */
public final class HealthGate {

    public sealed interface Verdict permits Pending, Pass, Fail {}

    public record Pending() implements Verdict {}

    public record Pass() implements Verdict {}

    public record Fail(String reason) implements Verdict {}

    private final Duration stable;
    private final Duration timeout;
    private final long pidBefore;
    private long candidatePid;
    private Duration candidateSince;
    private long candidateWatchdog;
    private long candidateRestarts;
    private boolean everRunning;
    private boolean everPinged;
    /** systemd's restart count at the first look; -1 before it. A version that crashes before READY shows as restarts. */
    private long restartsAtStart = -1;

    /** Crashes before READY that prove the version broken, without waiting out the whole timeout. */
    static final int CRASHES_BEFORE_READY = 3;

    /** @param pidBefore the node's process before the restart (0 if none); it does not count */
    public HealthGate(Duration stable, Duration timeout, long pidBefore) {
        this.stable = stable;
        this.timeout = timeout;
        this.pidBefore = pidBefore;
    }

    /** @param elapsed time since the restart was asked for */
    public Verdict observe(ServiceObservation o, Duration elapsed) {
        if (o.failed()) return new Fail("the new version failed to start (systemd: " + o + ")");
        // systemd zeroes NRestarts when the restart the updater asked for runs; a first look taken
        // while that job was still queued saw the old version's count, so a lower count is the baseline.
        if (restartsAtStart < 0 || o.restarts() < restartsAtStart) restartsAtStart = o.restarts();
        if (candidatePid == 0 && o.restarts() - restartsAtStart >= CRASHES_BEFORE_READY) {
            return new Fail("the new version stopped " + (o.restarts() - restartsAtStart)
                    + " times before it reported ready (systemd restarted it each time)");
        }
        boolean fresh = o.running() && o.mainPid() != pidBefore;
        if (candidatePid != 0 && (o.mainPid() != candidatePid || o.restarts() != candidateRestarts)) {
            return new Fail("the new version stopped " + (elapsed.minus(candidateSince)).toSeconds()
                    + " s after it reported ready, and systemd restarted it");
        }
        if (fresh && candidatePid == 0) {
            candidatePid = o.mainPid();
            candidateSince = elapsed;
            candidateWatchdog = o.watchdogMonotonic();
            candidateRestarts = o.restarts();
            everRunning = true;
        }
        if (candidatePid != 0 && o.watchdogMonotonic() > candidateWatchdog) everPinged = true;
        if (candidatePid != 0 && everPinged && elapsed.minus(candidateSince).compareTo(stable) >= 0) return new Pass();
        if (elapsed.compareTo(timeout) >= 0) {
            if (!everRunning) return new Fail("the new version did not report ready within " + timeout.toSeconds() + " s");
            if (!everPinged) return new Fail("the new version never passed its health check (no watchdog ping) within "
                    + timeout.toSeconds() + " s");
            return new Fail("the new version did not stay up for " + stable.toSeconds() + " s within " + timeout.toSeconds() + " s");
        }
        return new Pending();
    }
}
