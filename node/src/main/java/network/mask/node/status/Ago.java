package network.mask.node.status;

import java.time.Duration;
import java.time.Instant;

/** "3 minutes ago" in plain words, for the owner. */
public final class Ago {

    private Ago() {}

    public static String of(Instant then, Instant now) {
        long s = Math.max(0, Duration.between(then, now).toSeconds());
        if (s < 60) return "just now";
        if (s < 3600) return plural(s / 60, "minute") + " ago";
        if (s < 86_400) return plural(s / 3600, "hour") + " ago";
        return plural(s / 86_400, "day") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
