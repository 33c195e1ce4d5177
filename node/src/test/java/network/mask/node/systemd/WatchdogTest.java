package network.mask.node.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog pings at half the timeout while healthy, and falls silent when the node stalls. */
class WatchdogTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void readsTheTimeoutTheWaySdWatchdogEnabledDoes() {
        assertEquals(Optional.empty(), Watchdog.timeoutFromEnvironment(Map.of(), 42));
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                Watchdog.timeoutFromEnvironment(Map.of("WATCHDOG_USEC", "30000000"), 42));
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                Watchdog.timeoutFromEnvironment(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "42"), 42));
        assertEquals(Optional.empty(),
                Watchdog.timeoutFromEnvironment(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "7"), 42));
        assertEquals(Optional.empty(), Watchdog.timeoutFromEnvironment(Map.of("WATCHDOG_USEC", "0"), 42));
        assertEquals(Optional.empty(), Watchdog.timeoutFromEnvironment(Map.of("WATCHDOG_USEC", "soon"), 42));
        assertEquals(Optional.empty(),
                Watchdog.timeoutFromEnvironment(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "x"), 42));
    }

    @Test
    void stopsPingingWhenThePipelineStallsAndResumesWhenItRecovers() throws Exception {
        VirtualTime time = new VirtualTime();
        Heartbeats beats = new Heartbeats(time, Duration.ofSeconds(20));
        AtomicBoolean stalled = new AtomicBoolean();
        // The "event loop": beats every 5 s unless stalled (scheduled first, so it wins ties).
        time.every(Duration.ofSeconds(5), () -> {
            if (!stalled.get()) beats.beat("event-loop");
        });
        String path = dir.resolve("notify.sock").toString();
        try (NotifyReceiver systemd = new NotifyReceiver(path);
             SdNotify notify = SdNotify.forSocket(path);
             Watchdog watchdog = Watchdog.start(notify, TIMEOUT, beats::healthy, time)) {
            assertEquals(Duration.ofSeconds(15), watchdog.pingInterval());

            time.advance(Duration.ofSeconds(60)); // pings at 0, 15, 30, 45, 60
            assertEquals(List.of("WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1"),
                    systemd.drain());

            stalled.set(true); // last beat at t=60
            time.advance(Duration.ofSeconds(120));
            // t=75: 15 s of silence is within 20 s, one more ping; from t=90 on every tick is withheld.
            assertEquals(List.of("WATCHDOG=1"), systemd.drain());
            assertEquals(6, watchdog.pingsSent());
            assertEquals(7, watchdog.pingsWithheld()); // t=90..180
            assertEquals(Optional.of("event-loop"), beats.silentPart());
            // Systemd's 30 s timeout therefore expires at t=105: the stalled node gets restarted.

            stalled.set(false);
            time.advance(Duration.ofSeconds(30)); // beat at 185; pings at 195 and 210
            assertEquals(List.of("WATCHDOG=1", "WATCHDOG=1"), systemd.drain());
        }
    }

    @Test
    void aThrowingHealthCheckCountsAsUnhealthy() throws Exception {
        VirtualTime time = new VirtualTime();
        String path = dir.resolve("notify.sock").toString();
        try (NotifyReceiver systemd = new NotifyReceiver(path);
             SdNotify notify = SdNotify.forSocket(path);
             Watchdog watchdog = Watchdog.start(notify, TIMEOUT, () -> {
                 throw new IllegalStateException("metrics unavailable");
             }, time)) {
            time.advance(Duration.ofSeconds(45));
            assertEquals(List.of(), systemd.drain());
            assertEquals(4, watchdog.pingsWithheld());
        }
    }

    @Test
    void closeStopsThePings() throws Exception {
        VirtualTime time = new VirtualTime();
        String path = dir.resolve("notify.sock").toString();
        try (NotifyReceiver systemd = new NotifyReceiver(path);
             SdNotify notify = SdNotify.forSocket(path)) {
            Watchdog watchdog = Watchdog.start(notify, TIMEOUT, () -> true, time);
            time.advance(Duration.ofSeconds(15));
            assertEquals(2, systemd.drain().size());
            watchdog.close();
            time.advance(Duration.ofMinutes(5));
            assertEquals(List.of(), systemd.drain());
        }
    }

    @Test
    void theThreadSchedulerPingsOnItsOwn() throws Exception {
        String path = dir.resolve("notify.sock").toString();
        try (NotifyReceiver systemd = new NotifyReceiver(path);
             SdNotify notify = SdNotify.forSocket(path);
             Watchdog watchdog = Watchdog.start(notify, Duration.ofMillis(200), () -> true,
                     new ThreadPeriodicScheduler("test-watchdog"))) {
            assertEquals("WATCHDOG=1", systemd.next());
            assertEquals("WATCHDOG=1", systemd.next());
            // Ticks run one after another on the scheduler's thread, and each counts its ping after
            // sending it: once the third datagram is here, the first two have been counted.
            assertEquals("WATCHDOG=1", systemd.next());
            assertTrue(watchdog.pingsSent() >= 2);
        }
    }

    /** A node still starting is not an error; a stall warns once, not every period. */
    @Test
    void warnsOncePerStallAndNotDuringStartUp() throws Exception {
        VirtualTime time = new VirtualTime();
        AtomicBoolean ok = new AtomicBoolean(false);
        List<Level> levels = new java.util.concurrent.CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(Watchdog.class.getName());
        Handler capture = new Handler() {
            @Override public void publish(LogRecord r) { levels.add(r.getLevel()); }
            @Override public void flush() {}
            @Override public void close() {}
        };
        // Other tests in this JVM may have raised the level (the node's log setup does); see INFO here.
        Level previousLevel = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        try (Watchdog watchdog = Watchdog.start(SdNotify.disabled(), TIMEOUT, ok::get, time)) {
            time.advance(Duration.ofSeconds(60));          // starting: unhealthy, 5 ticks
            assertEquals(List.of(Level.INFO), levels);
            ok.set(true);
            time.advance(Duration.ofSeconds(30));
            ok.set(false);
            time.advance(Duration.ofSeconds(90));          // stalled: 6 ticks
            assertEquals(List.of(Level.INFO, Level.INFO, Level.WARNING), levels);
            assertEquals(11, watchdog.pingsWithheld());
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(previousLevel);
        }
    }

    @Test
    void rejectsANonPositiveTimeout() {
        assertThrows(IllegalArgumentException.class,
                () -> Watchdog.start(SdNotify.disabled(), Duration.ZERO, () -> true, new VirtualTime()));
        assertThrows(IllegalArgumentException.class, () -> new Heartbeats(new VirtualTime(), Duration.ZERO));
    }
}
