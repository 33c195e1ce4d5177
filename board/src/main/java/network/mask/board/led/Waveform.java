package network.mask.board.led;

/**
 * One LED's brightness as a pure function of the time since its pattern started, so a pattern is
 * fully defined by its table in the README and can be checked in virtual time.
 */
@FunctionalInterface
public interface Waveform {
    /** Level 0..1 at {@code t} ms, for dimmable (PWM) LEDs. */
    double level(long t);

    /** Whether an on/off LED is lit at {@code t} ms. */
    default boolean on(long t) {
        return level(t) >= 0.5;
    }

    static Waveform off() {
        return t -> 0.0;
    }

    static Waveform steady() {
        return t -> 1.0;
    }

    /** Lit during [start, end) spans (given as pairs) of a repeating period. */
    static Waveform spans(long period, long... startEnd) {
        if (startEnd.length % 2 != 0) {
            throw new IllegalArgumentException("spans need start/end pairs");
        }
        return t -> {
            long p = Math.floorMod(t, period);
            for (int i = 0; i < startEnd.length; i += 2) {
                if (p >= startEnd[i] && p < startEnd[i + 1]) {
                    return 1.0;
                }
            }
            return 0.0;
        };
    }

    /** Lit for the first {@code onMs} of every {@code period}. */
    static Waveform blink(long onMs, long period) {
        return spans(period, 0, onMs);
    }

    /**
     * Fades in and out (a triangle from dark to full and back over {@code period}). On/off LEDs
     * are lit for the middle half of the period, so they blink at the same pace.
     */
    static Waveform breathe(long period) {
        return new Waveform() {
            @Override
            public double level(long t) {
                long p = Math.floorMod(t, period);
                long half = period / 2;
                return p < half ? (double) p / half : (double) (period - p) / half;
            }

            @Override
            public boolean on(long t) {
                long p = Math.floorMod(t, period);
                return p >= period / 4 && p < 3 * period / 4;
            }
        };
    }

    /** This waveform at {@code factor} of its level (a colour component); on/off LEDs follow it while factor >= 0.5. */
    default Waveform scaled(double factor) {
        Waveform base = this;
        return new Waveform() {
            @Override
            public double level(long t) {
                return factor * base.level(t);
            }

            @Override
            public boolean on(long t) {
                return factor >= 0.5 && base.on(t);
            }
        };
    }
}
