package network.mask.board.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import com.pi4j.context.Context;

import network.mask.board.Board;
import network.mask.board.BoardConfig;
import network.mask.board.ButtonListener;
import network.mask.board.FactoryResetHandler;
import network.mask.board.GpioLed;
import network.mask.board.HealthSnapshot;
import network.mask.board.LedView;
import network.mask.board.NodeState;
import network.mask.board.button.ButtonMonitor;
import network.mask.board.button.Pi4jButton;
import network.mask.board.health.HealthAlarms;
import network.mask.board.health.HealthReader;
import network.mask.board.led.GuardedLed;
import network.mask.board.led.LedDriver;
import network.mask.board.led.Pi4jLeds;
import network.mask.board.led.SysfsLed;
import network.mask.board.state.Conditions;
import network.mask.board.state.StatePriority;
import network.mask.board.time.BoardScheduler;
import network.mask.board.time.ExecutorBoardScheduler;
import network.mask.board.time.MonotonicClock;

/**
 * The {@link Board}: conditions in, one LED frame every 10 ms, the button checked on the same
 * beat, health read every 10 s. All periodic work runs on the injected scheduler.
 */
public final class PiBoard implements Board {
    public static final Duration HEALTH_PERIOD = Duration.ofSeconds(10);
    /** Longer than anyone needs to find the box; bounds a typo from the setup page. */
    public static final Duration MAX_IDENTIFY = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(PiBoard.class.getName());
    private static final Pattern REASON = Pattern.compile("[A-Za-z0-9 ._-]{1,64}");

    private final MonotonicClock clock;
    private final LedDriver leds;
    private final Optional<Pi4jButton> button;
    private final HealthReader healthReader;
    private final String platform;
    private final Runnable releaseOwned;
    private final AtomicReference<Conditions> conditions = new AtomicReference<>(Conditions.initial());
    private final List<ButtonListener> listeners = new CopyOnWriteArrayList<>();
    private final List<BoardScheduler.Cancellable> tasks = new ArrayList<>();
    private final Object frameLock = new Object();
    private volatile FactoryResetHandler resetHandler;
    private volatile HealthSnapshot health = HealthSnapshot.unavailable();
    private long frameFailures;
    private boolean closed;

    private PiBoard(BoardConfig config, Optional<Context> pi4j, MonotonicClock clock, BoardScheduler scheduler,
                    Runnable releaseOwned) {
        this.clock = clock;
        this.releaseOwned = releaseOwned;
        this.platform = pi4j.map(Pi4jContexts::backend).orElse("none");
        this.leds = new LedDriver(openLeds(config, pi4j), config.brightness(), config.ledsEnabled());
        this.button = openButton(config, pi4j);
        this.healthReader = HealthReader.forRoot(config.root(), config.dataDir());
        readHealth();
        frame();
        tasks.add(scheduler.every(Duration.ofMillis(LedDriver.FRAME_MS), this::frame));
        tasks.add(scheduler.every(HEALTH_PERIOD, this::readHealth));
    }

    /** Production: real clock, own background thread, Pi4J auto-detected if any GPIO is configured. */
    public static Board open(BoardConfig config) {
        boolean needsGpio = !config.gpioLeds().isEmpty() || config.buttonBcm().isPresent();
        Optional<Context> pi4j = needsGpio ? Pi4jContexts.auto() : Optional.empty();
        ExecutorBoardScheduler scheduler = new ExecutorBoardScheduler();
        Runnable release = () -> {
            scheduler.close();
            pi4j.ifPresent(PiBoard::shutdownQuietly);
        };
        return new PiBoard(config, pi4j, MonotonicClock.system(), scheduler, release);
    }

    /**
     * With a caller's Pi4J context (may be empty), clock and scheduler, e.g. the mock platform and
     * virtual time in tests. The caller keeps ownership of all three.
     */
    public static PiBoard open(BoardConfig config, Optional<Context> pi4j, MonotonicClock clock, BoardScheduler scheduler) {
        return new PiBoard(config, pi4j, clock, scheduler, () -> { });
    }

    private static List<LedDriver.Binding> openLeds(BoardConfig config, Optional<Context> pi4j) {
        List<LedDriver.Binding> bindings = new ArrayList<>();
        if (config.onboardLeds()) {
            bindings.addAll(SysfsLed.findOnboard(config.root()));
        }
        for (GpioLed led : config.gpioLeds()) {
            if (pi4j.isEmpty()) {
                LOG.warning("No GPIO: the " + led.role() + " LED on GPIO" + led.bcm() + " is left out");
                continue;
            }
            try {
                bindings.add(new LedDriver.Binding(led.role(), new GuardedLed(Pi4jLeds.create(pi4j.get(), led))));
            } catch (RuntimeException e) {
                LOG.warning("The " + led.role() + " LED on GPIO" + led.bcm() + " cannot be claimed (" + e + "); it is left out");
            }
        }
        return bindings;
    }

    private Optional<Pi4jButton> openButton(BoardConfig config, Optional<Context> pi4j) {
        if (config.buttonBcm().isEmpty()) {
            return Optional.empty();
        }
        int pin = config.buttonBcm().getAsInt();
        if (pi4j.isEmpty()) {
            LOG.warning("No GPIO: the button on GPIO" + pin + " is left out");
            return Optional.empty();
        }
        try {
            return Optional.of(Pi4jButton.open(pi4j.get(), pin, config.buttonActiveLow(), clock));
        } catch (RuntimeException e) {
            LOG.warning("The button on GPIO" + pin + " cannot be claimed (" + e + "); it is left out");
            return Optional.empty();
        }
    }

    /** One beat: button timing, then the LED frame. Never lets an exception end the schedule. */
    private void frame() {
        synchronized (frameLock) {
            if (closed) {
                return;
            }
            try {
                long now = clock.millis();
                List<ButtonMonitor.Event> events = List.of();
                if (button.isPresent()) {
                    ButtonMonitor monitor = button.get().monitor();
                    events = monitor.tick(now);
                    boolean countdown = monitor.countdownActive();
                    if (conditions.get().resetCountdown() != countdown) {
                        update(c -> c.withResetCountdown(countdown));
                    }
                }
                Conditions c = conditions.get();
                leds.render(StatePriority.resolve(c, now), c.packetRate(), now);
                events.forEach(this::deliver);
            } catch (RuntimeException e) {
                if (frameFailures++ % 1000 == 0) {
                    LOG.log(Level.SEVERE, "LED frame failed (" + frameFailures + " so far)", e);
                }
            }
        }
    }

    private void deliver(ButtonMonitor.Event event) {
        switch (event) {
            case SHORT_PRESS -> {
                LOG.info("Button: short press");
                for (ButtonListener l : listeners) {
                    callSafely("button listener", l::onShortPress);
                }
            }
            case COUNTDOWN_STARTED -> LOG.info("Button held: factory reset in 7 s unless released");
            case COUNTDOWN_CANCELLED -> LOG.info("Button released: factory reset cancelled");
            case FACTORY_RESET -> {
                FactoryResetHandler handler = resetHandler;
                if (handler == null) {
                    LOG.warning("Button held 10 s but nothing handles a factory reset");
                } else {
                    LOG.warning("Button held 10 s: factory reset requested");
                    callSafely("factory reset handler", handler::onFactoryResetRequested);
                }
            }
        }
    }

    private static void callSafely(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The " + what + " failed", e);
        }
    }

    private void readHealth() {
        try {
            HealthSnapshot snapshot = healthReader.read();
            health = snapshot;
            Set<String> reasons = HealthAlarms.reasons(snapshot);
            if (!reasons.equals(conditions.get().healthReasons())) {
                LOG.info("Board health: " + (reasons.isEmpty() ? "fine" : String.join(", ", reasons)));
                update(c -> c.withHealthReasons(reasons));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Health read failed", e);
        }
    }

    private void update(UnaryOperator<Conditions> change) {
        conditions.updateAndGet(change);
    }

    @Override
    public void setBooting(boolean booting) {
        update(c -> c.withBooting(booting));
    }

    @Override
    public void setSetupNeeded(boolean needed) {
        update(c -> c.withSetupNeeded(needed));
    }

    @Override
    public void setClaiming(boolean claiming) {
        update(c -> c.withClaiming(claiming));
    }

    @Override
    public void setDegraded(String reason, boolean active) {
        if (reason == null || !REASON.matcher(reason).matches() || reason.isBlank()) {
            throw new IllegalArgumentException("degraded reason must be 1..64 of letters, digits, space . _ -, got: " + reason);
        }
        update(c -> c.withNodeReason(reason, active));
    }

    @Override
    public void setError(String message) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("error message must not be blank");
        }
        update(c -> c.withError(Optional.of(message)));
    }

    @Override
    public void clearError() {
        update(c -> c.withError(Optional.empty()));
    }

    @Override
    public void identify(Duration duration) {
        if (duration.isNegative() || duration.compareTo(MAX_IDENTIFY) > 0) {
            throw new IllegalArgumentException("identify duration must be between 0 and 1 hour, got " + duration);
        }
        long until = duration.isZero() ? Long.MIN_VALUE : clock.millis() + duration.toMillis();
        update(c -> c.withIdentifyUntil(until));
    }

    @Override
    public void setPacketRate(double packetsPerSecond) {
        if (!(packetsPerSecond >= 0) || Double.isInfinite(packetsPerSecond)) {
            throw new IllegalArgumentException("packet rate must be a finite number >= 0, got " + packetsPerSecond);
        }
        update(c -> c.withPacketRate(packetsPerSecond));
    }

    @Override
    public void setBrightness(double brightness) {
        leds.setBrightness(brightness);
    }

    @Override
    public void setLedsEnabled(boolean enabled) {
        leds.setEnabled(enabled);
    }

    @Override
    public NodeState state() {
        return leds.view().state();
    }

    @Override
    public Set<String> degradedReasons() {
        return conditions.get().degradedReasons();
    }

    @Override
    public LedView currentPattern() {
        return leds.view();
    }

    @Override
    public HealthSnapshot health() {
        return health;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public void addButtonListener(ButtonListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener));
    }

    @Override
    public void setFactoryResetHandler(FactoryResetHandler handler) {
        resetHandler = handler;
    }

    /** Raw button edges seen (bounces included); -1 without a button. For diagnostics. */
    public long buttonRawEdges() {
        return button.map(b -> b.monitor().rawEdges()).orElse(-1L);
    }

    @Override
    public void close() {
        synchronized (frameLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        tasks.forEach(BoardScheduler.Cancellable::cancel);
        leds.close();
        button.ifPresent(b -> {
            try {
                b.close();
            } catch (RuntimeException e) {
                LOG.warning("Button release failed: " + e);
            }
        });
        releaseOwned.run();
    }

    private static void shutdownQuietly(Context context) {
        try {
            context.shutdown();
        } catch (RuntimeException e) {
            LOG.warning("Pi4J shutdown failed: " + e);
        }
    }
}
