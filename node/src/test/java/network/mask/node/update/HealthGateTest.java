package network.mask.node.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthGateTest {

    private static final Duration STABLE = Duration.ofSeconds(120);
    private static final Duration TIMEOUT = Duration.ofSeconds(600);

    private static ServiceObservation running(long pid, long restarts, long watchdog) {
        return new ServiceObservation("active", "running", pid, restarts, 1, watchdog);
    }

    private static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    @Test
    void passesOnlyAfterStayingUpWithAWatchdogPing() {
        HealthGate gate = new HealthGate(STABLE, TIMEOUT, 7);
        assertInstanceOf(HealthGate.Pending.class, gate.observe(new ServiceObservation("activating", "start", 8, 0, 1, 0), s(1)));
        assertInstanceOf(HealthGate.Pending.class, gate.observe(running(8, 0, 100), s(5)));
        assertInstanceOf(HealthGate.Pending.class, gate.observe(running(8, 0, 200), s(60)));
        assertInstanceOf(HealthGate.Pending.class, gate.observe(running(8, 0, 300), s(124)), "120 s since ready, not since restart");
        assertInstanceOf(HealthGate.Pass.class, gate.observe(running(8, 0, 400), s(125)));
    }

    @Test
    void theOldProcessDoesNotCount() {
        HealthGate gate = new HealthGate(STABLE, TIMEOUT, 7);
        for (int t = 0; t < 600; t += 10) assertInstanceOf(HealthGate.Pending.class, gate.observe(running(7, 0, t), s(t)));
        HealthGate.Verdict v = gate.observe(running(7, 0, 700), s(600));
        assertTrue(((HealthGate.Fail) v).reason().contains("did not report ready"), v.toString());
    }

    @Test
    void aRestartDuringTheTrialFailsAtOnce() {
        HealthGate gate = new HealthGate(STABLE, TIMEOUT, 7);
        gate.observe(running(8, 0, 100), s(5));
        HealthGate.Verdict v = gate.observe(running(9, 1, 900), s(50));
        assertTrue(((HealthGate.Fail) v).reason().contains("systemd restarted it"), v.toString());
        HealthGate again = new HealthGate(STABLE, TIMEOUT, 7);
        again.observe(running(8, 0, 100), s(5));
        assertInstanceOf(HealthGate.Fail.class, again.observe(new ServiceObservation("activating", "auto-restart", 0, 1, 1, 0), s(40)));
    }

    @Test
    void noPingMeansTheHealthCheckNeverPassed() {
        HealthGate gate = new HealthGate(STABLE, TIMEOUT, 7);
        for (int t = 5; t < 600; t += 10) assertInstanceOf(HealthGate.Pending.class, gate.observe(running(8, 0, 100), s(t)));
        HealthGate.Verdict v = gate.observe(running(8, 0, 100), s(600));
        assertTrue(((HealthGate.Fail) v).reason().contains("no watchdog ping"), v.toString());
    }

    @Test
    void aVersionThatCrashesBeforeReadyFailsAfterThreeRestartsNotAtTheTimeout() {
        HealthGate gate = new HealthGate(Duration.ofSeconds(20), Duration.ofSeconds(600), 7);
        assertInstanceOf(HealthGate.Pending.class, gate.observe(new ServiceObservation("activating", "start", 8, 4, 1, 0), s(1)));
        assertInstanceOf(HealthGate.Pending.class, gate.observe(new ServiceObservation("activating", "auto-restart", 0, 5, 1, 0), s(10)));
        assertInstanceOf(HealthGate.Pending.class, gate.observe(new ServiceObservation("activating", "start", 9, 6, 1, 0), s(20)));
        HealthGate.Verdict v = gate.observe(new ServiceObservation("activating", "auto-restart", 0, 7, 1, 0), s(30));
        assertInstanceOf(HealthGate.Fail.class, v, "three crashes since the switch, long before the 600 s timeout");
        assertTrue(((HealthGate.Fail) v).reason().contains("3 times before it reported ready"), v.toString());
    }

    @Test
    void threeCrashesCountFromTheResetCounterWhenTheFirstLookSawTheOldVersions() {
        // The old version (pid 7) had been restarted 4 times; systemd's manual restart then zeroes NRestarts.
        HealthGate gate = new HealthGate(Duration.ofSeconds(20), Duration.ofSeconds(600), 7);
        assertInstanceOf(HealthGate.Pending.class, gate.observe(new ServiceObservation("deactivating", "stop-sigterm", 7, 4, 1, 0), s(1)));
        assertInstanceOf(HealthGate.Pending.class, gate.observe(new ServiceObservation("activating", "start", 8, 0, 1, 0), s(5)));
        assertInstanceOf(HealthGate.Pending.class, gate.observe(new ServiceObservation("activating", "auto-restart", 0, 1, 1, 0), s(15)));
        assertInstanceOf(HealthGate.Pending.class, gate.observe(new ServiceObservation("activating", "auto-restart", 0, 2, 1, 0), s(25)));
        HealthGate.Verdict v = gate.observe(new ServiceObservation("activating", "auto-restart", 0, 3, 1, 0), s(35));
        assertInstanceOf(HealthGate.Fail.class, v, "three crashes of the new version, whatever the old one's count was");
        assertTrue(((HealthGate.Fail) v).reason().contains("3 times before it reported ready"), v.toString());
    }

    @Test
    void aFailedUnitFailsTheGate() {
        HealthGate gate = new HealthGate(STABLE, TIMEOUT, 7);
        assertInstanceOf(HealthGate.Fail.class, gate.observe(new ServiceObservation("failed", "failed", 0, 5, 0, 0), s(30)));
    }

    @Test
    void readsSystemctlShowOutput() {
        // As systemd 252 prints `systemctl show -p ActiveState,SubState,MainPID,NRestarts,...` for a notify unit.
        ServiceObservation o = ServiceObservation.parse("""
            MainPID=4242
            NRestarts=2
            ExecMainStartTimestampMonotonic=63213377
            WatchdogTimestampMonotonic=78214861
            ActiveState=active
            SubState=running
            """);
        assertEquals(new ServiceObservation("active", "running", 4242, 2, 63213377, 78214861), o);
        assertTrue(o.running());
        assertEquals("unknown", ServiceObservation.parse("").activeState());
    }
}
