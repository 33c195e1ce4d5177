package network.mask.node.setuppage;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import network.mask.node.history.HistoryRing;
import network.mask.webui.spi.StatusReport;

/** The estimated rewards the box has kept in its history, as one line of the network card. */
final class EarnedRewards {

    static final String LABEL = "Estimated rewards kept on the box";

    private EarnedRewards() {}

    /** Empty until the history holds a day with an estimate (the node was bonded while running). */
    static Optional<StatusReport.Fact> fact(HistoryRing ring, Instant now) {
        OptionalLong month = ring.rewardsOver(HistoryRing.DAYS, now);
        if (month.isEmpty()) return Optional.empty();
        long today = ring.rewardsOver(1, now).orElse(0);
        return Optional.of(new StatusReport.Fact(LABEL, String.format(Locale.ROOT,
                "%s NYM today (UTC), %s NYM over the last 30 days: epochs that ended while the box ran; "
                        + "your wallet shows what the network paid", nym(today), nym(month.getAsLong()))));
    }

    private static String nym(long unym) {
        double n = unym / 1_000_000.0;
        return n >= 100 ? String.format(Locale.ROOT, "%.0f", n) : n >= 1 ? String.format(Locale.ROOT, "%.2f", n)
                : String.format(Locale.ROOT, "%.4f", n);
    }
}
