package network.mask.node.history;

import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What the box remembers of its past, in fixed-size rings indexed by absolute time: packets per
 * minute for 48 hours and per hour for 30 days, an up/seen-by-the-network flag per minute for 48
 * hours (and minutes up per hour for 30 days), the CPU temperature per minute for 24 hours, and
 * rewards per UTC day for 30 days. Slots a gap skipped over (the box was off) read as zero/unknown.
 * Not thread-safe: {@link HistoryRecorder} guards it.
 */
public final class HistoryRing {

    public static final int MINUTES = 48 * 60;
    public static final int TEMPERATURE_MINUTES = 24 * 60;
    public static final int HOURS = 30 * 24;
    public static final int DAYS = 30;
    static final byte UP = 1;
    static final byte SEEN = 2;
    /** A temperature slot with no reading. */
    static final short NO_TEMPERATURE = Short.MIN_VALUE;
    /** A day whose rewards are not known. */
    static final long NO_REWARDS = -1;

    long firstStartEpochSecond;
    long totalIn;
    long totalOut;
    long totalDropped;
    /** Epoch minute / hour / day of the newest slot; -1 before the first sample. */
    long lastMinute = -1;
    long lastHour = -1;
    long lastDay = -1;
    final int[] minuteIn = new int[MINUTES];
    final int[] minuteOut = new int[MINUTES];
    final int[] minuteDropped = new int[MINUTES];
    final byte[] minuteFlags = new byte[MINUTES];
    /** Tenths of a degree Celsius. */
    final short[] minuteTemperature = new short[TEMPERATURE_MINUTES];
    final long[] hourIn = new long[HOURS];
    final long[] hourOut = new long[HOURS];
    final long[] hourDropped = new long[HOURS];
    final byte[] hourMinutesUp = new byte[HOURS];
    final byte[] hourMinutesSeen = new byte[HOURS];
    /** unym (millionths of a NYM). */
    final long[] dayRewards = new long[DAYS];

    HistoryRing() {
        Arrays.fill(minuteTemperature, NO_TEMPERATURE);
        Arrays.fill(dayRewards, NO_REWARDS);
    }

    /** An empty history that starts now. */
    public static HistoryRing fresh(Instant now) {
        HistoryRing r = new HistoryRing();
        r.firstStartEpochSecond = now.getEpochSecond();
        return r;
    }

    /**
     * One sample: packets since the previous sample, whether the network lists the node, the CPU
     * temperature and the rewards (unym) earned since the previous sample, added to today's; a
     * present zero marks today's rewards as known. The minute it falls in counts as "up".
     */
    public void record(Instant at, long in, long out, long dropped, boolean seen, OptionalDouble temperatureCelsius,
                       OptionalLong rewardsEarnedUnym) {
        long minute = Math.max(Math.floorDiv(at.getEpochSecond(), 60), lastMinute);   // a clock stepping back stays in the newest slot
        advanceTo(minute);
        int m = (int) Math.floorMod(minute, MINUTES);
        int h = (int) Math.floorMod(lastHour, HOURS);
        minuteIn[m] = saturatedAdd(minuteIn[m], in);
        minuteOut[m] = saturatedAdd(minuteOut[m], out);
        minuteDropped[m] = saturatedAdd(minuteDropped[m], dropped);
        hourIn[h] += in;
        hourOut[h] += out;
        hourDropped[h] += dropped;
        totalIn += in;
        totalOut += out;
        totalDropped += dropped;
        if ((minuteFlags[m] & UP) == 0) hourMinutesUp[h]++;
        if (seen && (minuteFlags[m] & SEEN) == 0) hourMinutesSeen[h]++;
        minuteFlags[m] |= (byte) (UP | (seen ? SEEN : 0));
        if (temperatureCelsius.isPresent() && Double.isFinite(temperatureCelsius.getAsDouble())) {
            double tenths = Math.round(temperatureCelsius.getAsDouble() * 10);
            minuteTemperature[(int) Math.floorMod(minute, TEMPERATURE_MINUTES)] =
                    (short) Math.max(Short.MIN_VALUE + 1, Math.min(Short.MAX_VALUE, tenths));
        }
        if (rewardsEarnedUnym.isPresent() && rewardsEarnedUnym.getAsLong() >= 0) {
            int d = (int) Math.floorMod(lastDay, DAYS);
            dayRewards[d] = (dayRewards[d] == NO_REWARDS ? 0 : dayRewards[d]) + rewardsEarnedUnym.getAsLong();
        }
    }

    private static int saturatedAdd(int slot, long add) {
        return (int) Math.min(Integer.MAX_VALUE, slot + Math.max(0, add));
    }

    /** Moves the rings on to {@code minute}, clearing every slot the gap skipped (the box was off then). */
    void advanceTo(long minute) {
        if (lastMinute < 0) {
            lastMinute = minute;
            lastHour = Math.floorDiv(minute, 60);
            lastDay = Math.floorDiv(minute, 60 * 24);
            return;
        }
        for (long m = lastMinute + 1; m <= minute && m <= lastMinute + MINUTES; m++) {
            int i = (int) Math.floorMod(m, MINUTES);
            minuteIn[i] = 0;
            minuteOut[i] = 0;
            minuteDropped[i] = 0;
            minuteFlags[i] = 0;
        }
        for (long m = lastMinute + 1; m <= minute && m <= lastMinute + TEMPERATURE_MINUTES; m++) {
            minuteTemperature[(int) Math.floorMod(m, TEMPERATURE_MINUTES)] = NO_TEMPERATURE;
        }
        long hour = Math.floorDiv(minute, 60);
        for (long x = lastHour + 1; x <= hour && x <= lastHour + HOURS; x++) {
            int i = (int) Math.floorMod(x, HOURS);
            hourIn[i] = 0;
            hourOut[i] = 0;
            hourDropped[i] = 0;
            hourMinutesUp[i] = 0;
            hourMinutesSeen[i] = 0;
        }
        long day = Math.floorDiv(minute, 60 * 24);
        for (long x = lastDay + 1; x <= day && x <= lastDay + DAYS; x++) dayRewards[(int) Math.floorMod(x, DAYS)] = NO_REWARDS;
        lastMinute = Math.max(lastMinute, minute);
        lastHour = Math.max(lastHour, hour);
        lastDay = Math.max(lastDay, day);
    }

    public Instant firstStart() {
        return Instant.ofEpochSecond(firstStartEpochSecond);
    }

    public long totalIn() {
        return totalIn;
    }

    public long totalOut() {
        return totalOut;
    }

    public long totalDropped() {
        return totalDropped;
    }

    /** Epoch minute of the newest sample, -1 when there is none yet. */
    public long lastMinute() {
        return lastMinute;
    }

    /** Packets in, out and dropped in one epoch minute still held (zeros when outside the 48 h or never sampled). */
    public long[] minute(long epochMinute) {
        if (lastMinute < 0 || epochMinute > lastMinute || epochMinute <= lastMinute - MINUTES) return new long[3];
        int i = (int) Math.floorMod(epochMinute, MINUTES);
        return new long[] {minuteIn[i], minuteOut[i], minuteDropped[i]};
    }

    /** Flags of one epoch minute: {@code UP}, {@code SEEN}. */
    int flags(long epochMinute) {
        if (lastMinute < 0 || epochMinute > lastMinute || epochMinute <= lastMinute - MINUTES) return 0;
        return minuteFlags[(int) Math.floorMod(epochMinute, MINUTES)];
    }

    /** Temperature in one epoch minute of the last 24 h. */
    OptionalDouble temperature(long epochMinute) {
        if (lastMinute < 0 || epochMinute > lastMinute || epochMinute <= lastMinute - TEMPERATURE_MINUTES) return OptionalDouble.empty();
        short t = minuteTemperature[(int) Math.floorMod(epochMinute, TEMPERATURE_MINUTES)];
        return t == NO_TEMPERATURE ? OptionalDouble.empty() : OptionalDouble.of(t / 10.0);
    }

    /** Packets in, out, dropped, minutes up and minutes seen in one epoch hour of the last 30 days. */
    long[] hour(long epochHour) {
        if (lastHour < 0 || epochHour > lastHour || epochHour <= lastHour - HOURS) return new long[5];
        int i = (int) Math.floorMod(epochHour, HOURS);
        return new long[] {hourIn[i], hourOut[i], hourDropped[i], hourMinutesUp[i], hourMinutesSeen[i]};
    }

    /**
     * Rewards (unym) of the last {@code days} UTC days up to and including the day of {@code now};
     * empty when none of them is known.
     */
    public OptionalLong rewardsOver(int days, Instant now) {
        long today = Math.max(Math.floorDiv(now.getEpochSecond(), 86_400), lastDay);
        long sum = 0;
        boolean any = false;
        for (long d = today - days + 1; d <= today; d++) {
            OptionalLong r = rewards(d);
            if (r.isPresent()) {
                sum += r.getAsLong();
                any = true;
            }
        }
        return any ? OptionalLong.of(sum) : OptionalLong.empty();
    }

    /** Rewards of one UTC epoch day in unym. */
    OptionalLong rewards(long epochDay) {
        if (lastDay < 0 || epochDay > lastDay || epochDay <= lastDay - DAYS) return OptionalLong.empty();
        long r = dayRewards[(int) Math.floorMod(epochDay, DAYS)];
        return r == NO_REWARDS ? OptionalLong.empty() : OptionalLong.of(r);
    }
}
