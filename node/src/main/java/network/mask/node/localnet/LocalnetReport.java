package network.mask.node.localnet;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntToLongFunction;

/**
 * The traffic figures of one run. Latency "overhead" is what a packet took beyond the delays its
 * sender asked the mixes for: arrival at the sink, minus sending, minus those delays.
 * <p>
 * Throughput is the rate the mixes kept up with: measured packets delivered, divided by the
 * time from the first send to the last packet's arrival minus its requested delays. A mixnet
 * that falls behind finishes its last packets late and scores lower; but a mixnet that keeps
 * up is not marked down for the delays it was asked to add (the largest of 80,000 sums of three
 * exponential 50 ms delays is about 0.7 s, which alone would put a perfect 20 s run at 3,900 pkt/s).
 * The plain arrival span is printed too.
 */
final class LocalnetReport {

    private static final long SECOND = 1_000_000_000L;

    private final LocalnetOptions o;
    private final long[] totalDelayNanos;
    private final IntToLongFunction arrival;
    private final TrafficSender.Sent sent;
    private final int warm;
    private final int sentTotal;
    private final int delivered;
    private final int warmDelivered;
    private final long[] overheadNanos;
    private final double throughput;
    private final double arrivalSpanRate;
    private final double sendRate;

    LocalnetReport(LocalnetOptions o, PacketFactory.Built built, SinkRecorder recorder, int warm, int total,
                   TrafficSender.Sent sent) {
        this(o, built.totalDelayNanos(), recorder::arrival, recorder.delivered(), warm, total, sent);
    }

    /**
     * @param totalDelayNanos per packet, the delays it asked the mixes for
     * @param arrival         per packet, when the sink got it (0: never)
     * @param delivered       packets delivered, warm-up included
     */
    LocalnetReport(LocalnetOptions o, long[] totalDelayNanos, IntToLongFunction arrival, int delivered, int warm, int total,
                   TrafficSender.Sent sent) {
        this.o = o;
        this.totalDelayNanos = totalDelayNanos;
        this.arrival = arrival;
        this.sent = sent;
        this.warm = warm;
        this.sentTotal = total;
        this.delivered = delivered;
        int wd = 0;
        for (int i = 0; i < warm; i++) if (arrival.applyAsLong(i) != 0) wd++;
        this.warmDelivered = wd;
        long[] overhead = new long[total - warm];
        int n = 0;
        long lastArrival = sent.firstNanos();
        long lastDone = sent.firstNanos();
        for (int i = warm; i < total; i++) {
            long at = arrival.applyAsLong(i);
            if (at == 0) continue;
            if (at - lastArrival > 0) lastArrival = at;
            long done = at - totalDelayNanos[i];
            if (done - lastDone > 0) lastDone = done;
            overhead[n++] = at - sent.sendNanos()[i] - totalDelayNanos[i];
        }
        this.overheadNanos = Arrays.copyOf(overhead, n);
        Arrays.sort(overheadNanos);
        this.throughput = rate(n, lastDone - sent.firstNanos());
        this.arrivalSpanRate = rate(n, lastArrival - sent.firstNanos());
        this.sendRate = rate(total - warm - 1, sent.lastNanos() - sent.firstNanos());
    }

    private static double rate(int count, long spanNanos) {
        return spanNanos > 0 ? count * 1e9 / spanNanos : 0;
    }

    double throughput() {
        return throughput;
    }

    double arrivalSpanRate() {
        return arrivalSpanRate;
    }

    int lost() {
        return sentTotal - delivered;
    }

    void printTraffic(PrintStream out) {
        int measured = sentTotal - warm;
        out.printf(Locale.ROOT, "sent %d (warm-up %d, measured %d at %.0f pkt/s offered), delivered %d (warm-up %d), lost %d%n",
                sentTotal, warm, measured, sendRate, delivered, warmDelivered, lost());
        out.printf(Locale.ROOT, "measured throughput %.0f pkt/s through %d hops + sink, net of the requested delays"
                + " (%.0f pkt/s until the last arrival)%n", throughput, o.layers(), arrivalSpanRate);
        out.printf(Locale.ROOT, "latency beyond the scheduled delays (measured packets): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                percentile(overheadNanos, 0.50), percentile(overheadNanos, 0.99),
                overheadNanos.length == 0 ? 0 : overheadNanos[overheadNanos.length - 1] / 1e6);
    }

    /** Per second of sending: packets sent, how many arrived, and their latency beyond the delays. */
    void printTimeline(PrintStream out) {
        int seconds = (int) ((sent.lastNanos() - sent.firstNanos()) / SECOND) + 1;
        int[] sentIn = new int[seconds];
        long[][] overheads = new long[seconds][];
        int[] arrivedIn = new int[seconds];
        for (int i = warm; i < sentTotal; i++) {   // one pass: packets into the second they were sent in
            long at = sent.sendNanos()[i];
            if (at == 0) continue;
            int second = (int) ((at - sent.firstNanos()) / SECOND);
            if (second < 0 || second >= seconds) continue;
            sentIn[second]++;
            long in = arrival.applyAsLong(i);
            if (in == 0) continue;
            if (overheads[second] == null) overheads[second] = new long[16];
            if (arrivedIn[second] == overheads[second].length) overheads[second] = Arrays.copyOf(overheads[second], arrivedIn[second] * 2);
            overheads[second][arrivedIn[second]++] = in - at - totalDelayNanos[i];
        }
        out.println("second   sent  delivered   p50_ms   p99_ms   max_ms");
        for (int second = 0; second < seconds; second++) {
            long[] sorted = overheads[second] == null ? new long[0] : Arrays.copyOf(overheads[second], arrivedIn[second]);
            Arrays.sort(sorted);
            out.printf(Locale.ROOT, "%6d %6d %10d %8.2f %8.2f %8.2f%n", second, sentIn[second], sorted.length,
                    percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }
    }

    void printSummary(PrintStream out) {
        printSummary(out, -1);
    }

    /** The last line; {@code rotations} (key rotations while sending) is added when not negative. */
    void printSummary(PrintStream out, long rotations) {
        out.printf(Locale.ROOT, "delivered=%d lost=%d throughput_pps=%d overhead_p99_ms=%.1f%s%n",
                delivered, lost(), Math.round(throughput), percentile(overheadNanos, 0.99),
                rotations < 0 ? "" : " rotations=" + rotations);
    }

    /** The {@code q} quantile of sorted nanoseconds, in milliseconds. */
    static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) return 0;
        int i = (int) Math.min(sortedNanos.length - 1, Math.ceil(q * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, i)] / 1e6;
    }
}
