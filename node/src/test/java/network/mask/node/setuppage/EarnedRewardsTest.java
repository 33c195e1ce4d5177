package network.mask.node.setuppage;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import network.mask.node.history.HistoryRing;
import org.junit.jupiter.api.Test;

/** The network card's line of estimated rewards kept in the history: today's and the last 30 days'. */
class EarnedRewardsTest {

    static final Instant T0 = Instant.parse("2026-03-10T08:00:00Z");

    @Test
    void nothingIsShownBeforeAnyDayHasAnEstimate() {
        HistoryRing r = HistoryRing.fresh(T0);
        r.record(T0, 1, 1, 0, true, OptionalDouble.empty(), OptionalLong.empty());
        assertTrue(EarnedRewards.fact(r, T0).isEmpty());
    }

    @Test
    void todayAndTheLast30DaysAddUpTheCreditedEpochs() {
        HistoryRing r = HistoryRing.fresh(T0);
        r.record(T0, 0, 0, 0, true, OptionalDouble.empty(), OptionalLong.of(2_000_000));          // 2 NYM on day 1
        r.record(T0.plus(Duration.ofDays(31)), 0, 0, 0, true, OptionalDouble.empty(), OptionalLong.of(0));   // day 1 has aged out
        Instant now = T0.plus(Duration.ofDays(40));
        r.record(T0.plus(Duration.ofDays(39)), 0, 0, 0, true, OptionalDouble.empty(), OptionalLong.of(1_500_000));
        r.record(now, 0, 0, 0, true, OptionalDouble.empty(), OptionalLong.of(250_000));
        r.record(now.plusSeconds(60), 0, 0, 0, true, OptionalDouble.empty(), OptionalLong.of(250_000));
        var fact = EarnedRewards.fact(r, now.plusSeconds(60)).orElseThrow();
        assertEquals(EarnedRewards.LABEL, fact.label());
        assertTrue(fact.value().startsWith("0.5000 NYM today (UTC), 2.00 NYM over the last 30 days"), fact.value());
    }
}
