package network.mask.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import network.mask.node.metrics.MetricsSnapshot;
import org.junit.jupiter.api.Test;

/** Redteam D12: frames dropped before they were a packet do not eat into forward-hop packets received. */
class NymPacketCountersTest {

    static MetricsSnapshot snapshot(long received, long finalHops, long replays, Map<String, Long> drops) {
        return new MetricsSnapshot(Instant.EPOCH, Instant.EPOCH, received, 0, finalHops, replays, drops, 0, 0, 0, 0, 0, Map.of());
    }

    @Test
    void garbageFramesDoNotZeroTheForwardCount() {
        // The red team's run: 70,817 forward packets received among 203,963 malformed or truncated frames.
        NymPacketCounters c = NymPacketCounters.of(snapshot(70_817, 0, 0,
                Map.of("malformed_frame", 150_000L, "truncated_frame", 53_963L)));
        assertEquals(70_817, c.forwardHopReceived());
        assertEquals(203_963, c.malformedReceived());
    }

    @Test
    void receivedPacketsThatFailStillCountAgainstForwardHops() {
        NymPacketCounters c = NymPacketCounters.of(snapshot(1000, 100, 50,
                Map.of("bad_mac", 30L, "frame_too_large", 7L, "replayed", 50L, "outfox_unsupported", 20L)));
        assertEquals(1000 - 100 - 30 - 20 - 50, c.forwardHopReceived());
        assertEquals(57, c.malformedReceived());
    }
}
