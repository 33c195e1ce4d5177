package network.mask.node.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import network.mask.node.history.HistoryFile;
import network.mask.node.history.HistoryRing;
import network.mask.node.history.HistoryWiring;
import network.mask.node.testing.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history kept on the box survives a clean restart and a kill -9 of a real {@code masknode
 * run}: real Sphinx packets over TCP, the node's own history file read back between runs. A kill
 * loses at most the minute since the last write (the node writes once a minute).
 */
class HistoryAfterKillTest {

    static final String TOKEN = ReplayAfterKillTest.TOKEN;   // its metric reader sends this one

    @TempDir
    Path dir;

    @Test
    void packetsCountedBeforeARestartAndAKillNineAreStillThere() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path file = data.resolve(HistoryWiring.FILE_NAME);
        Files.writeString(data.resolve("masknode.toml"), "[api]\nmetrics_token = \"" + TOKEN + "\"\n");

        DevNodeProcess first = DevNodeProcess.start("history-first", data);
        first.awaitListening();
        long firstStart;
        try (SphinxTraffic traffic = SphinxTraffic.towards(first, dir.resolve("sink"))) {
            // 1. A clean stop writes everything counted up to then.
            traffic.sendAll(traffic.frames(200));
            ReplayAfterKillTest.awaitMetric(first, ReplayAfterKillTest.SENT_ON, 200);
            first.close();
            HistoryRing afterStop = read(file);
            assertEquals(200, afterStop.totalIn(), "packets in, kept by the clean stop");
            assertEquals(200, afterStop.totalOut());
            firstStart = afterStop.firstStart().getEpochSecond();
            long stopMinute = afterStop.lastMinute();
            assertEquals(200, afterStop.minute(stopMinute)[0] + afterStop.minute(stopMinute - 1)[0],
                    "the packets are in the minutes they arrived in");

            // 2. A second run adds to the same history; a kill -9 after its minute's write keeps it.
            DevNodeProcess second = DevNodeProcess.start("history-second", data);
            second.awaitListening();
            second.awaitOutput(Pattern.compile("history: kept since"), DevNodeProcess.START_TIMEOUT);
            traffic.retarget(second);
            traffic.sendAll(traffic.frames(300));
            ReplayAfterKillTest.awaitMetric(second, ReplayAfterKillTest.SENT_ON, 300);
            // The node writes when a sample falls in a new minute: wait for that write, no longer.
            assertTrue(TestNodes.await(() -> readQuietly(file) >= 500, Duration.ofSeconds(90)),
                    "the running node wrote its minute within 90 s (it writes once a minute)");
            second.killHard();

            DevNodeProcess third = DevNodeProcess.start("history-third", data);
            third.awaitListening();
            third.awaitOutput(Pattern.compile("history: kept since .* 500 packets in so far"), DevNodeProcess.START_TIMEOUT);
            third.close();
        }
        HistoryRing last = read(file);
        assertEquals(500, last.totalIn(), "nothing lost, nothing counted twice across a restart and a kill -9");
        assertEquals(firstStart, last.firstStart().getEpochSecond(), "totals are since the first start");
        assertTrue(Files.list(data).noneMatch(p -> p.getFileName().toString().startsWith("history.bin.bad-")),
                "no run found the file damaged");
    }

    private static HistoryRing read(Path file) throws Exception {
        return HistoryFile.decode(Files.readAllBytes(file));
    }

    private static long readQuietly(Path file) {
        try {
            return read(file).totalIn();
        } catch (Exception e) {
            return -1;
        }
    }
}
