package network.mask.board.led;

import java.util.EnumMap;
import java.util.Map;

import network.mask.board.LedRole;

/**
 * A state's look: one waveform per LED role and a description for owners and the setup page.
 */
public record Pattern(String description, Map<LedRole, Waveform> waves) {
    public Pattern {
        waves = Map.copyOf(waves);
    }

    /** RGB colour, each component 0..1. */
    public record Colour(double red, double green, double blue) {
        public static final Colour WHITE = new Colour(1, 1, 1);
        public static final Colour BLUE = new Colour(0, 0, 1);
        public static final Colour GREEN = new Colour(0, 1, 0);
        public static final Colour AMBER = new Colour(1, 0.5, 0);
        public static final Colour RED = new Colour(1, 0, 0);
    }

    public static Pattern of(String description, Waveform status, Waveform alert, Colour colour, Waveform colourWave) {
        Map<LedRole, Waveform> waves = new EnumMap<>(LedRole.class);
        waves.put(LedRole.STATUS, status);
        waves.put(LedRole.ALERT, alert);
        waves.put(LedRole.RED, colourWave.scaled(colour.red()));
        waves.put(LedRole.GREEN, colourWave.scaled(colour.green()));
        waves.put(LedRole.BLUE, colourWave.scaled(colour.blue()));
        return new Pattern(description, waves);
    }

    public Waveform wave(LedRole role) {
        return waves.get(role);
    }
}
