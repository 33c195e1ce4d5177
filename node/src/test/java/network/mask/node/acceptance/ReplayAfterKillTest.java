package network.mask.node.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.mask.node.testing.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redteam D5: a real {@code masknode run} receives real Sphinx packets over TCP, is killed with
 * SIGKILL, restarted on the same data directory, and gets the same packets again. Replays are
 * dropped except those accepted within the stated window (the replay journal's flush interval,
 * 1 s) before the kill. Everything is read from the node's Prometheus endpoint.
 */
class ReplayAfterKillTest {

    static final String TOKEN = "replay-after-kill-token-0123456789";
    static final String FORWARD = "nym_node_mixnet_ingress_forward_packets_received";
    static final String REPLAYED = "nym_node_mixnet_ingress_replayed_packets_received";
    /** Counted after a worker unwrapped the packet and its tag went into the filter (received counts earlier, on arrival). */
    static final String SENT_ON = "nym_node_mixnet_egress_forward_packets_sent";
    static final String JOURNALED = "masknode_events_total{event=\"replay_journal_tags_written\"}";
    static final int RATE = 200;

    @TempDir
    Path dir;

    @Test
    void aKillNineReopensAtMostTheJournalWindow() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        // The snapshot interval stays at its 30 min default: only the journal can carry the state over.
        Files.writeString(data.resolve("masknode.toml"), "[api]\nmetrics_token = \"" + TOKEN + "\"\n"
                + "[replay]\njournal_interval = \"1s\"\n");

        DevNodeProcess first = DevNodeProcess.start("kill9-first", data);
        first.awaitListening();
        try (SphinxTraffic traffic = SphinxTraffic.towards(first, dir.resolve("sink"))) {
            // 1. Quiet kill: 300 packets, all journaled (the node says so), then SIGKILL.
            List<byte[]> quiet = traffic.frames(300);
            traffic.sendAll(quiet);
            awaitMetric(first, SENT_ON, 300);
            awaitMetric(first, JOURNALED, 300);
            first.killHard();

            DevNodeProcess second = DevNodeProcess.start("kill9-second", data);
            second.awaitListening();
            traffic.retarget(second);
            traffic.sendAll(quiet);
            awaitMetric(second, REPLAYED, 300);
            assertEquals(0, metric(second, FORWARD), "not one of the 300 was accepted again");

            // 2. Kill during traffic: RATE packets/s for about 5 s; the kill follows the last processed packet at once.
            List<byte[]> busy = traffic.frames(RATE * 5);
            AtomicBoolean stop = new AtomicBoolean();
            int sent = traffic.sendPaced(busy, RATE, stop::get);
            awaitMetric(second, SENT_ON, sent);   // every packet unwrapped, its tag in the filter
            second.killHard();

            DevNodeProcess third = DevNodeProcess.start("kill9-third", data);
            third.awaitListening();
            traffic.retarget(third);
            traffic.sendAll(busy.subList(0, sent));
            long[] counts = new long[2];
            assertTrue(TestNodes.await(() -> {
                // Accepted-again packets are sent on to the sink; "forward received" would also count queued ones.
                counts[0] = metricOrZero(third, SENT_ON);
                counts[1] = metricOrZero(third, REPLAYED);
                return counts[0] + counts[1] >= sent;
            }, Duration.ofSeconds(60)), "the node did not process the " + sent + " replays");
            long reopened = counts[0];
            System.out.printf("replay window after kill -9: %d of %d packets accepted again (%.2f s at %d/s)%n",
                    reopened, sent, reopened / (double) RATE, RATE);
            // Stated window: one journal flush interval (1 s) and the fsync; allow it to stretch on a
            // busy shared machine, but far below "everything since the last snapshot" (all of them).
            assertTrue(reopened <= RATE * 2L, "reopened " + reopened + " of " + sent + ": more than 2 s of traffic");
            third.close();
        }
    }

    static void awaitMetric(DevNodeProcess node, String name, long atLeast) throws InterruptedException {
        long[] last = {-1};
        boolean ok = TestNodes.await(() -> (last[0] = metricOrZero(node, name)) >= atLeast, Duration.ofSeconds(60));
        assertTrue(ok, name + " stayed at " + last[0] + ", expected at least " + atLeast);
    }

    static long metricOrZero(DevNodeProcess node, String name) {
        try {
            return metric(node, name);
        } catch (Exception e) {
            return 0;
        }
    }

    static long metric(DevNodeProcess node, String name) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.apiBase() + "api/v1/metrics/prometheus"))
                    .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " ([0-9.eE+]+)$").matcher(r.body());
            if (!m.find()) return 0;
            return (long) Double.parseDouble(m.group(1));
        }
    }
}
