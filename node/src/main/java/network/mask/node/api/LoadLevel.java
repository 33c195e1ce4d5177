package network.mask.node.api;

import java.util.Locale;

/**
 * nym-node's coarse load tiers (its {@code Load} enum), in rising order, with the same bounds on
 * a 0..1 fraction of capacity. Served in snake case, e.g. {@code "very_high"}.
 */
enum LoadLevel {
    UNKNOWN, NEGLIGIBLE, LOW, MEDIUM, HIGH, VERY_HIGH, AT_CAPACITY;

    /** The tier of a fraction of capacity; NaN (not measured) is {@link #UNKNOWN}. */
    static LoadLevel of(double fraction) {
        if (Double.isNaN(fraction)) return UNKNOWN;
        if (fraction <= 0.1) return NEGLIGIBLE;
        if (fraction <= 0.3) return LOW;
        if (fraction <= 0.6) return MEDIUM;
        if (fraction <= 0.8) return HIGH;
        if (fraction <= 0.95) return VERY_HIGH;
        return AT_CAPACITY;
    }

    /** One tier up, saturating; unknown stays unknown. */
    LoadLevel raised() {
        return this == UNKNOWN || this == AT_CAPACITY ? this : values()[ordinal() + 1];
    }

    static LoadLevel higher(LoadLevel a, LoadLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
