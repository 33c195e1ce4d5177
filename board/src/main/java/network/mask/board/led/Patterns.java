package network.mask.board.led;

import static network.mask.board.led.Waveform.blink;
import static network.mask.board.led.Waveform.breathe;
import static network.mask.board.led.Waveform.off;
import static network.mask.board.led.Waveform.spans;
import static network.mask.board.led.Waveform.steady;

import network.mask.board.NodeState;
import network.mask.board.led.Pattern.Colour;

/**
 * The pattern of every state. Times are ms since the state began showing; they are multiples of
 * the 10 ms frame so on/off LEDs switch exactly on them. The README's table mirrors this class.
 */
public final class Patterns {
    /** Length of the reset countdown shown on the LEDs: from 3 s of holding to 10 s. */
    public static final long COUNTDOWN_MS = 7_000;
    /** How long each traffic flicker keeps the light dark. */
    public static final long FLICKER_DARK_MS = 60;

    private Patterns() {
    }

    public static Pattern forState(NodeState state, double packetRate) {
        return switch (state) {
            case BOOTING -> Pattern.of("Starting up: STATUS and RGB (white) breathe slowly, every 2 s",
                    breathe(2000), off(), Colour.WHITE, breathe(2000));
            case NEEDS_SETUP -> Pattern.of("Needs setup: STATUS and RGB (blue) blink twice every 2 s",
                    spans(2000, 0, 200, 400, 600), off(), Colour.BLUE, spans(2000, 0, 200, 400, 600));
            case CLAIMING -> Pattern.of("Press the button: STATUS and RGB (blue) blink fast, twice a second",
                    blink(250, 500), off(), Colour.BLUE, blink(250, 500));
            case RUNNING -> Pattern.of("Running: STATUS and RGB (green) steady on",
                    steady(), off(), Colour.GREEN, steady());
            case RUNNING_WITH_TRAFFIC -> traffic(packetRate);
            case DEGRADED -> Pattern.of("Degraded: STATUS steady, ALERT blinks briefly every 2 s, RGB amber",
                    steady(), blink(500, 2000), Colour.AMBER, steady());
            case ERROR -> Pattern.of("Error: ALERT and RGB (red) blink fast, twice a second; STATUS off",
                    off(), blink(250, 500), Colour.RED, blink(250, 500));
            case IDENTIFY -> Pattern.of("Identify: STATUS and ALERT take turns, RGB (white) blinks, 200 ms each",
                    blink(200, 400), spans(400, 200, 400), Colour.WHITE, blink(200, 400));
            case FACTORY_RESET_COUNTDOWN -> Pattern.of(
                    "Factory reset countdown: ALERT and RGB (red) blink faster and faster for 7 s, then stay on",
                    off(), countdown(), Colour.RED, countdown());
        };
    }

    /**
     * Flicker period for a packet rate: twice the rate, twice the flicker (0.5, 1, 2, 4 per
     * second from 1, 50, 100 and 200 packets/s). Powers of two keep the flickers in phase when
     * the rate changes bands.
     */
    public static long flickerPeriodMs(double packetRate) {
        if (packetRate >= 200) return 250;
        if (packetRate >= 100) return 500;
        if (packetRate >= 50) return 1000;
        return 2000;
    }

    private static Pattern traffic(double packetRate) {
        long period = flickerPeriodMs(packetRate);
        Waveform flicker = spans(period, FLICKER_DARK_MS, period);
        return Pattern.of("Running with traffic: STATUS and RGB (green) on, dark flicker every " + period + " ms",
                flicker, off(), Colour.GREEN, flicker);
    }

    /** 1 s blinks for 4 s, then 0.5 s blinks for 2 s, then 0.2 s blinks for 1 s, then steady: reset requested. */
    private static Waveform countdown() {
        return t -> {
            if (t >= COUNTDOWN_MS) return 1.0;
            if (t >= 6000) return blink(100, 200).level(t);
            if (t >= 4000) return blink(250, 500).level(t);
            return blink(500, 1000).level(t);
        };
    }
}
