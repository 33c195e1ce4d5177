package network.mask.board.led;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import network.mask.board.BoardConfig;
import network.mask.board.LedRole;
import network.mask.board.LedView;
import network.mask.board.NodeState;

/**
 * Turns the state on display into LED levels, one frame at a time. Called from the board's
 * periodic task every {@link #FRAME_MS}; holds no timer of its own, so tests drive it in virtual time.
 */
public final class LedDriver {
    /** Frame period: every pattern time is a multiple of it. */
    public static final long FRAME_MS = 10;

    private static final Logger LOG = Logger.getLogger(LedDriver.class.getName());

    /** One LED and the role it plays. */
    public record Binding(LedRole role, GuardedLed led) {
    }

    private final List<Binding> bindings;
    private volatile double brightness;
    private volatile boolean enabled;
    private NodeState shown;
    private String shownDescription = "";
    private long since;
    private volatile LedView view;

    public LedDriver(List<Binding> bindings, double brightness, boolean enabled) {
        this.bindings = List.copyOf(bindings);
        this.brightness = BoardConfig.requireBrightness(brightness);
        this.enabled = enabled;
    }

    public void setBrightness(double value) {
        brightness = BoardConfig.requireBrightness(value);
    }

    public void setEnabled(boolean value) {
        enabled = value;
    }

    /** Renders one frame of {@code state}'s pattern at {@code now} and returns what it shows. */
    public LedView render(NodeState state, double packetRate, long now) {
        if (state != shown) {
            shown = state;
            since = now;
        }
        Pattern pattern = Patterns.forState(state, packetRate);
        if (!pattern.description().equals(shownDescription)) {
            shownDescription = pattern.description();
            LOG.info("LEDs: " + shownDescription);
        }
        long t = now - since;
        double scale = brightness;
        // The owner's "LEDs off" must not hide what they asked for or what their hand is doing.
        boolean visible = enabled || state == NodeState.IDENTIFY || state == NodeState.FACTORY_RESET_COUNTDOWN;
        for (Binding b : bindings) {
            Waveform wave = pattern.wave(b.role());
            double duty;
            if (!visible) {
                duty = 0;
            } else if (b.led().led().dimmable()) {
                duty = gamma(wave.level(t) * scale);
            } else {
                duty = wave.on(t) && scale > 0 ? 1 : 0;
            }
            b.led().show(duty);
        }
        Map<LedRole, Double> levels = new EnumMap<>(LedRole.class);
        for (LedRole role : LedRole.values()) {
            levels.put(role, visible ? pattern.wave(role).level(t) * scale : 0.0);
        }
        LedView v = new LedView(state, pattern.description(), levels);
        view = v;
        return v;
    }

    /** The last frame rendered, null before the first. */
    public LedView view() {
        return view;
    }

    /** Darkens and releases every LED. */
    public void close() {
        for (Binding b : bindings) {
            b.led().show(0);
            b.led().close();
        }
    }

    /** Perceived brightness is roughly the square of duty; squaring makes fades look even. */
    static double gamma(double level) {
        double clamped = Math.max(0, Math.min(1, level));
        return clamped * clamped;
    }
}
