package network.mask.node.history;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The history as the dashboard's charts read it: each series with its first slot's time (Unix ms),
 * its step and its values, oldest first, so history.js draws time axes without knowing the rings.
 * Counts are packets per slot (per minute, per hour); temperatures °C; rewards NYM per UTC day.
 * "Today" runs from midnight in the box's time zone.
 */
public final class HistoryCharts {

    private static final long MINUTE_MS = 60_000;
    private static final long HOUR_MS = 3_600_000;
    private static final long DAY_MS = 86_400_000;

    private HistoryCharts() {}

    public static JsonObject of(HistoryRing r, Instant now, ZoneId zone) {
        long nowMinute = Math.max(Math.floorDiv(now.getEpochSecond(), 60), r.lastMinute());
        long firstMinute = nowMinute - HistoryRing.MINUTES + 1;
        JsonArrayBuilder in = Json.createArrayBuilder(), out = Json.createArrayBuilder(), dropped = Json.createArrayBuilder();
        JsonArrayBuilder up = Json.createArrayBuilder(), seen = Json.createArrayBuilder();
        long todayStartMinute = Math.floorDiv(LocalDate.ofInstant(now, zone).atStartOfDay(zone).toEpochSecond(), 60);
        long[] today = new long[3];
        for (long m = firstMinute; m <= nowMinute; m++) {
            long[] p = r.minute(m);
            in.add(p[0]);
            out.add(p[1]);
            dropped.add(p[2]);
            int f = r.flags(m);
            up.add((f & HistoryRing.UP) != 0 ? 1 : 0);
            seen.add((f & HistoryRing.SEEN) != 0 ? 1 : 0);
            if (m >= todayStartMinute) for (int i = 0; i < 3; i++) today[i] += p[i];
        }
        JsonArrayBuilder celsius = Json.createArrayBuilder();
        long firstTemperature = nowMinute - HistoryRing.TEMPERATURE_MINUTES + 1;
        for (long m = firstTemperature; m <= nowMinute; m++) {
            OptionalDouble t = r.temperature(m);
            if (t.isPresent()) celsius.add(t.getAsDouble());
            else celsius.addNull();
        }
        long nowHour = Math.floorDiv(nowMinute, 60);
        long firstHour = nowHour - HistoryRing.HOURS + 1;
        JsonArrayBuilder hIn = Json.createArrayBuilder(), hOut = Json.createArrayBuilder(), hDropped = Json.createArrayBuilder();
        JsonArrayBuilder hUp = Json.createArrayBuilder(), hSeen = Json.createArrayBuilder();
        for (long h = firstHour; h <= nowHour; h++) {
            long[] p = r.hour(h);
            hIn.add(p[0]);
            hOut.add(p[1]);
            hDropped.add(p[2]);
            hUp.add(p[3]);
            hSeen.add(p[4]);
        }
        long nowDay = Math.floorDiv(nowMinute, 1440);
        long firstDay = nowDay - HistoryRing.DAYS + 1;
        JsonArrayBuilder nym = Json.createArrayBuilder();
        for (long d = firstDay; d <= nowDay; d++) {
            OptionalLong unym = r.rewards(d);
            if (unym.isPresent()) nym.add(unym.getAsLong() / 1_000_000.0);
            else nym.addNull();
        }
        return Json.createObjectBuilder()
                .add("now", now.toEpochMilli())
                .add("firstStart", r.firstStart().toEpochMilli())
                .add("totals", counts(r.totalIn(), r.totalOut(), r.totalDropped()))
                .add("today", counts(today[0], today[1], today[2]))
                .add("minutes", series(firstMinute * MINUTE_MS, MINUTE_MS).add("in", in).add("out", out).add("dropped", dropped))
                .add("strip", series(firstMinute * MINUTE_MS, MINUTE_MS).add("up", up).add("seen", seen))
                .add("temperature", series(firstTemperature * MINUTE_MS, MINUTE_MS).add("celsius", celsius))
                .add("hours", series(firstHour * HOUR_MS, HOUR_MS).add("in", hIn).add("out", hOut).add("dropped", hDropped)
                        .add("minutesUp", hUp).add("minutesSeen", hSeen))
                .add("rewards", series(firstDay * DAY_MS, DAY_MS).add("nym", nym))
                .build();
    }

    private static JsonObjectBuilder counts(long in, long out, long dropped) {
        return Json.createObjectBuilder().add("in", in).add("out", out).add("dropped", dropped);
    }

    private static JsonObjectBuilder series(long startMillis, long stepMillis) {
        return Json.createObjectBuilder().add("start", startMillis).add("step", stepMillis);
    }
}
