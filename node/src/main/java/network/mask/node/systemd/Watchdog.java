package network.mask.node.systemd;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends {@code WATCHDOG=1} at half the timeout systemd asked for (WatchdogSec=), but only while
 * the daemon's health check passes. A node whose pipeline stalls stops pinging, systemd sees the
 * watchdog expire and restarts it (Restart=on-failure). A timer alone would keep a hung node
 * "alive" forever, which is why the ping is tied to the health check.
 */
public final class Watchdog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Watchdog.class.getName());
    public static final String ENV_WATCHDOG_USEC = "WATCHDOG_USEC";
    public static final String ENV_WATCHDOG_PID = "WATCHDOG_PID";

    private final SdNotify notify;
    private final BooleanSupplier healthy;
    private final Duration pingInterval;
    private final AtomicLong pingsSent = new AtomicLong();
    private final AtomicLong pingsWithheld = new AtomicLong();
    /** Null until the first tick: a node still starting up is not "failing". */
    private volatile Boolean wasHealthy;
    private final PeriodicScheduler.Cancellable task;

    private Watchdog(SdNotify notify, Duration timeout, BooleanSupplier healthy, PeriodicScheduler scheduler) {
        this.notify = notify;
        this.healthy = healthy;
        this.pingInterval = timeout.dividedBy(2);
        this.task = scheduler.every(pingInterval, this::tick);
    }

    /**
     * Starts pinging if systemd enabled the watchdog for this process (WATCHDOG_USEC set, and
     * WATCHDOG_PID unset or equal to our pid), on a dedicated daemon thread.
     */
    public static Optional<Watchdog> startFromEnvironment(SdNotify notify, BooleanSupplier healthy) {
        return timeoutFromEnvironment(System.getenv(), ProcessHandle.current().pid())
                .map(timeout -> start(notify, timeout, healthy, new ThreadPeriodicScheduler("sd-watchdog")));
    }

    /** Starts pinging every {@code timeout / 2} while {@code healthy} says so. */
    public static Watchdog start(SdNotify notify, Duration timeout, BooleanSupplier healthy,
                                 PeriodicScheduler scheduler) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("watchdog timeout must be positive: " + timeout);
        }
        return new Watchdog(notify, timeout, healthy, scheduler);
    }

    /**
     * The watchdog timeout systemd set for process {@code pid}, as sd_watchdog_enabled() reads it:
     * empty when WATCHDOG_USEC is unset, unparsable or zero, or WATCHDOG_PID names another process.
     */
    public static Optional<Duration> timeoutFromEnvironment(Map<String, String> env, long pid) {
        String usec = env.get(ENV_WATCHDOG_USEC);
        if (usec == null || usec.isEmpty()) return Optional.empty();
        long micros;
        try {
            micros = Long.parseLong(usec);
        } catch (NumberFormatException e) {
            LOG.warning("ignoring unparsable " + ENV_WATCHDOG_USEC + "=" + usec);
            return Optional.empty();
        }
        if (micros <= 0) return Optional.empty();
        String watchdogPid = env.get(ENV_WATCHDOG_PID);
        if (watchdogPid != null && !watchdogPid.isEmpty()) {
            try {
                if (Long.parseLong(watchdogPid) != pid) return Optional.empty();
            } catch (NumberFormatException e) {
                LOG.warning("ignoring unparsable " + ENV_WATCHDOG_PID + "=" + watchdogPid);
                return Optional.empty();
            }
        }
        return Optional.of(Duration.ofNanos(Math.multiplyExact(micros, 1000L)));
    }

    private void tick() {
        boolean ok;
        try {
            ok = healthy.getAsBoolean();
        } catch (RuntimeException e) {
            if (!Boolean.FALSE.equals(wasHealthy)) {   // once per failure streak, not every period
                LOG.log(Level.WARNING, "health check threw; treating the node as unhealthy", e);
            }
            ok = false;
        }
        Boolean before = wasHealthy;
        if (ok) {
            notify.watchdog();
            pingsSent.incrementAndGet();
            if (before == null || !before) {
                LOG.info((before == null ? "health check passes" : "health check passes again")
                        + "; watchdog pings every " + pingInterval.toMillis() + " ms");
            }
        } else {
            pingsWithheld.incrementAndGet();
            if (before == null) {
                LOG.info("node not healthy yet; watchdog pings start once it is");
            } else if (before) {
                LOG.warning("health check failing; withholding watchdog pings so systemd restarts the node"
                        + " if it does not recover");
            }
        }
        wasHealthy = ok;
    }

    /** How often the health check is asked and, when healthy, a ping sent. */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** Pings sent so far. */
    public long pingsSent() {
        return pingsSent.get();
    }

    /** Ticks where the health check failed and no ping went out. */
    public long pingsWithheld() {
        return pingsWithheld.get();
    }

    @Override
    public void close() {
        task.cancel();
    }
}
