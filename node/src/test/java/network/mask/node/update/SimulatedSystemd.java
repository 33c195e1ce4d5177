package network.mask.node.update;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for systemd's view of masknode.service (PID 1 cannot run in a unit test). It
 * follows masknode.service's settings: Type=notify (active/running only after READY=1, here 5 s
 * after start), WatchdogSec=30 with the node's 15 s pings, Restart=on-failure. What each version
 * does is set per version: healthy, never ready, crashing after ready, or never pinging (its
 * health check fails, so systemd's watchdog kills it). It starts whatever {@code current} names,
 * exactly as the unit's ExecStart does.
 */
final class SimulatedSystemd implements ServiceControl {

    enum Behaviour { HEALTHY, NEVER_READY, CRASHES_AFTER_READY, NO_PING }

    private static final Duration READY_AFTER = Duration.ofSeconds(5);
    private static final Duration PING_EVERY = Duration.ofSeconds(15);
    private static final Duration WATCHDOG = Duration.ofSeconds(30);
    private static final Duration CRASH_AFTER = Duration.ofSeconds(40);

    private final MutableClock clock;
    private final InstallLayout layout;
    private final Map<String, Behaviour> behaviours = new HashMap<>();
    final List<String> started = new ArrayList<>();
    private long pid = 1000;
    private long restarts;
    private Instant startedAt;
    private Behaviour behaviour;

    SimulatedSystemd(MutableClock clock, InstallLayout layout) {
        this.clock = clock;
        this.layout = layout;
    }

    void behave(String version, Behaviour b) {
        behaviours.put(version, b);
    }

    /** The box boots: masknode.service starts from whatever current names. */
    void boot() throws IOException {
        restarts = 0;
        restart();
    }

    @Override
    public void restart() throws IOException {
        String version = InstallLayout.versionOf(layout.target(layout.current()).orElseThrow()).toString();
        started.add(version);
        behaviour = behaviours.getOrDefault(version, Behaviour.HEALTHY);
        startedAt = clock.instant();
        pid++;
    }

    @Override
    public ServiceObservation observe() {
        if (startedAt == null) return new ServiceObservation("inactive", "dead", 0, 0, 0, 0);
        Duration up = Duration.between(startedAt, clock.instant());
        // Restart=on-failure: a crash or a watchdog kill starts a new process at once.
        Duration dies = switch (behaviour) {
            case CRASHES_AFTER_READY -> CRASH_AFTER;
            case NO_PING -> READY_AFTER.plus(WATCHDOG);
            default -> null;
        };
        if (dies != null && up.compareTo(dies) >= 0) {
            startedAt = startedAt.plus(dies);
            pid++;
            restarts++;
            return observe();
        }
        long startMicros = micros(startedAt);
        if (behaviour == Behaviour.NEVER_READY || up.compareTo(READY_AFTER) < 0) {
            return new ServiceObservation("activating", "start", pid, restarts, startMicros, 0);
        }
        long readyMicros = startMicros + READY_AFTER.toNanos() / 1000;
        long pings = behaviour == Behaviour.NO_PING ? 0 : up.minus(READY_AFTER).dividedBy(PING_EVERY);
        return new ServiceObservation("active", "running", pid, restarts, startMicros, readyMicros + pings * PING_EVERY.toNanos() / 1000);
    }

    private static long micros(Instant i) {
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
    }
}
