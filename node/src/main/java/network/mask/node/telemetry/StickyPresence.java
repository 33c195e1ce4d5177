package network.mask.node.telemetry;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which optional values to advertise: a value is advertised as soon as it appears, and
 * withdrawn only after it has been missing for {@code missesBeforeRemoval} readings in a row, so a
 * single failed sensor read does not delete an entity from Home Assistant and re-create it.
 */
final class StickyPresence {

    private final int missesBeforeRemoval;
    private final Map<String, Integer> misses = new HashMap<>();

    StickyPresence(int missesBeforeRemoval) {
        if (missesBeforeRemoval < 1) throw new IllegalArgumentException("missesBeforeRemoval must be >= 1");
        this.missesBeforeRemoval = missesBeforeRemoval;
    }

    /** Feeds one reading's present keys; returns the keys to advertise now. */
    Set<String> update(Set<String> presentNow) {
        for (String key : presentNow) misses.put(key, 0);
        misses.replaceAll((key, count) -> presentNow.contains(key) ? 0 : count + 1);
        misses.values().removeIf(count -> count >= missesBeforeRemoval);
        return new TreeSet<>(misses.keySet());
    }
}
