package network.mask.node.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import network.mask.board.Board;
import network.mask.node.boardlink.BoardOpener;
import network.mask.node.boardlink.ButtonPresses;
import network.mask.node.config.NodeConfig;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.setuppage.LogRing;
import network.mask.node.systemd.SdNotify;
import network.mask.node.systemd.Watchdog;

/**
 * What lives as long as the process, across in-process restarts of the node: the board (LEDs,
 * button), the systemd notifier and watchdog, and the log tail. It also carries the restart and
 * shutdown requests between the setup page, MQTT, the button and {@code masknode run}'s loop.
 *
 * <p>A restart is done in-process: the running node stops gracefully (services in reverse order,
 * then the mix pipeline with its replay state), the configuration is read again from the same
 * flags and file, and a new node starts. This works the same under systemd (the main PID stays,
 * the watchdog keeps pinging through the short gap) and in {@code --dev} where nothing would
 * start an exited process again.
 */
public final class Appliance implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Appliance.class.getName());
    /** How long a restart may take before the watchdog stops vouching for the node. */
    private static final Duration RESTART_ALLOWANCE = Duration.ofSeconds(60);
    private static final int LOG_LINES = 200;

    private final boolean dev;
    private final PrintStream console;
    private final Board board;
    private final ButtonPresses presses = new ButtonPresses();
    private final SdNotify notify;
    private final LogRing log;
    private final Optional<Watchdog> watchdog;
    private final Object lock = new Object();
    private final CountDownLatch closed = new CountDownLatch(1);
    /** The setup page's logins live as long as the process, so "Restart now" logs nobody out. */
    private final network.mask.webui.security.SessionStore adminSessions =
            new network.mask.webui.security.SessionStore(java.time.InstantSource.system());

    private volatile NodeDaemon current;
    private volatile Duration grace = Duration.ofSeconds(2);
    private volatile Runnable factoryReset = () -> {};
    private Runnable beforeNextStart;
    private volatile long restartSince;
    private boolean restartRequested;
    private volatile boolean shuttingDown;

    private Appliance(NodeConfig config, PrintStream console, Board board, SdNotify notify, LogRing log) {
        this.dev = config.dev();
        this.console = console;
        this.board = board;
        this.notify = notify;
        this.log = log;
        board.addButtonListener(presses);
        board.setFactoryResetHandler(() -> factoryReset.run());
        this.watchdog = Watchdog.startFromEnvironment(notify, this::healthy);
    }

    /** Opens the process-wide parts: board, systemd notifier and watchdog, log tail. */
    public static Appliance open(NodeConfig config, PrintStream console) {
        return open(config, console, SdNotify.fromEnvironment());
    }

    public static Appliance open(NodeConfig config, PrintStream console, SdNotify notify) {
        createDataDir(config.node().dataDir());
        LogRing log = LogRing.install(LOG_LINES);
        return new Appliance(config, console, BoardOpener.open(config), notify, log);
    }

    /** Owner-only, as the key store would make it; early, so the board can report the disk's free space. */
    private static void createDataDir(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot create the data directory " + dir + ": " + e);
        }
    }

    public boolean dev() {
        return dev;
    }

    public PrintStream console() {
        return console;
    }

    public Board board() {
        return board;
    }

    public ButtonPresses buttonPresses() {
        return presses;
    }

    public SdNotify notifier() {
        return notify;
    }

    public LogRing log() {
        return log;
    }

    public network.mask.webui.security.SessionStore adminSessions() {
        return adminSessions;
    }

    /** The node now running; called by the run loop after each start. */
    public void running(NodeDaemon daemon) {
        synchronized (lock) {
            current = daemon;
            grace = daemon.config().limits().shutdownGrace();
            restartSince = 0;
        }
    }

    /** What a long press of the button does: the same factory reset as the setup page's. */
    public void onFactoryReset(Runnable action) {
        this.factoryReset = action;
    }

    /**
     * Restarts the node in-process, on a thread of its own so the caller (a web request, the MQTT
     * worker) returns at once. Ignored while shutting down or while a restart is under way.
     */
    public void requestRestart(String why) {
        requestRestart(why, null);
    }

    /**
     * A restart that runs {@code betweenRuns} after the node has stopped and before it starts again,
     * e.g. the factory reset's erase, which must not race the stopping node's last state writes.
     */
    public void requestRestart(String why, Runnable betweenRuns) {
        NodeDaemon d;
        synchronized (lock) {
            if (shuttingDown || restartRequested) return;
            restartRequested = true;
            beforeNextStart = betweenRuns;
            restartSince = System.nanoTime();
            d = current;
        }
        LOG.log(System.Logger.Level.INFO, "restarting the node: " + why);
        notify.status("restarting: " + why);
        board.setBooting(true);
        if (d != null) {
            Duration g = grace;
            Thread.ofPlatform().name("node-restart").start(() -> d.stop(g));
        }
    }

    /** For the run loop after a node stopped: whether to start it again (clears the request). */
    public boolean takeRestart() {
        Runnable between;
        boolean again;
        synchronized (lock) {
            again = restartRequested && !shuttingDown;
            restartRequested = false;
            between = beforeNextStart;
            beforeNextStart = null;
        }
        if (between != null) between.run();   // a requested factory reset happens even if SIGTERM came meanwhile
        return again;
    }

    /**
     * SIGTERM / Ctrl-C: tells systemd, stops the node and waits (bounded) until the run loop has
     * closed the board, so the JVM does not exit half-way through.
     */
    public void shutdown() {
        NodeDaemon d;
        synchronized (lock) {
            if (shuttingDown) return;
            shuttingDown = true;
            d = current;
        }
        notify.stopping();
        if (d != null) d.stop(grace);
        try {
            closed.await(grace.toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean shuttingDown() {
        return shuttingDown;
    }

    /** The watchdog's health check: the node's pipeline is alive, or a restart is within its allowance. */
    public boolean healthy() {
        NodeDaemon d = current;
        long since = restartSince;
        if (since != 0 && System.nanoTime() - since < RESTART_ALLOWANCE.toNanos()) return true;
        return d != null && d.healthy();
    }

    /** Last: the board goes dark after every service has stopped. */
    @Override
    public void close() {
        try {
            watchdog.ifPresent(Watchdog::close);
            try {
                board.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "board did not close cleanly: " + e);
            }
            notify.close();
            log.uninstall();
        } finally {
            closed.countDown();
        }
    }
}
