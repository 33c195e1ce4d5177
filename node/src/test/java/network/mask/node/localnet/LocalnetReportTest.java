package network.mask.node.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalnetReportTest {

    static final long S = 1_000_000_000L;
    static final long MS = 1_000_000L;

    final LocalnetOptions options = LocalnetOptions.parse(List.of("--rate", "1", "--seconds", "3"));
    // Three packets sent a second apart, asking for 0.5 s, 0 s and 2 s of delays; each arrives 10 ms late.
    final long[] sendNanos = {1 * S, 2 * S, 3 * S};
    final long[] delays = {S / 2, 0, 2 * S};
    final long[] arrivals = {sendNanos[0] + delays[0] + 10 * MS, sendNanos[1] + delays[1] + 10 * MS, sendNanos[2] + delays[2] + 10 * MS};
    final TrafficSender.Sent sent = new TrafficSender.Sent(sendNanos, 0, 1 * S, 3 * S);

    @Test
    void throughputIsNetOfTheRequestedDelaysAndTheArrivalSpanIsReportedBeside() {
        LocalnetReport report = new LocalnetReport(options, delays, i -> arrivals[i], 3, 0, 3, sent);
        // Done (arrival minus delays) by 3.01 s, from a first send at 1 s: 3 packets in 2.01 s.
        assertEquals(3 / 2.01, report.throughput(), 1e-9);
        // The last arrival is at 5.01 s: 3 packets in 4.01 s.
        assertEquals(3 / 4.01, report.arrivalSpanRate(), 1e-9);
        assertEquals(0, report.lost());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.printSummary(new PrintStream(out));
        assertEquals("delivered=3 lost=0 throughput_pps=1 overhead_p99_ms=10.0", out.toString().strip());
    }

    @Test
    void aPacketThatNeverArrivedIsLostAndLeftOutOfTheLatencies() {
        long[] partly = {arrivals[0], 0, arrivals[2] + 90 * MS};
        LocalnetReport report = new LocalnetReport(options, delays, i -> partly[i], 2, 0, 3, sent);
        assertEquals(1, report.lost());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.printSummary(new PrintStream(out));
        assertEquals("delivered=2 lost=1 throughput_pps=1 overhead_p99_ms=100.0", out.toString().strip());
    }

    @Test
    void theTimelineHasARowPerSecondOfSending() {
        long[] partly = {arrivals[0], 0, arrivals[2]};
        LocalnetReport report = new LocalnetReport(options, delays, i -> partly[i], 2, 0, 3, sent);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.printTimeline(new PrintStream(out));
        List<String> rows = out.toString().lines().skip(1).map(l -> l.trim().replaceAll(" +", " ")).toList();
        assertEquals(List.of("0 1 1 10.00 10.00 10.00", "1 1 0 0.00 0.00 0.00", "2 1 1 10.00 10.00 10.00"), rows);
    }

    @Test
    void warmUpPacketsCountForLossButNotForLatencyOrThroughput() {
        // Two warm-up packets (one lost), then the three measured ones; the measured run's send
        // times are 0 for the warm-up, as TrafficSender records them.
        long[] sends = {0, 0, 1 * S, 2 * S, 3 * S};
        long[] delaysWithWarmUp = {0, 0, S / 2, 0, 2 * S};
        long[] arrived = {S / 10, 0, arrivals[0], arrivals[1], arrivals[2]};
        TrafficSender.Sent measured = new TrafficSender.Sent(sends, 0, 1 * S, 3 * S);
        LocalnetReport report = new LocalnetReport(options, delaysWithWarmUp, i -> arrived[i], 4, 2, 5, measured);
        assertEquals(1, report.lost());
        assertEquals(3 / 2.01, report.throughput(), 1e-9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.printTraffic(new PrintStream(out));
        assertTrue(out.toString().startsWith("sent 5 (warm-up 2, measured 3 at 1 pkt/s offered), delivered 4 (warm-up 1), lost 1"),
                out.toString());
        out.reset();
        report.printTimeline(new PrintStream(out));
        assertEquals(4, out.toString().lines().count(), "a header and three seconds, warm-up left out: " + out);
    }

    @Test
    void percentilesTakeTheValueAtOrAboveTheRank() {
        long[] sorted = {1 * MS, 2 * MS, 3 * MS, 4 * MS};
        assertEquals(2.0, LocalnetReport.percentile(sorted, 0.50));
        assertEquals(4.0, LocalnetReport.percentile(sorted, 0.99));
        assertEquals(0.0, LocalnetReport.percentile(new long[0], 0.99));
    }
}
