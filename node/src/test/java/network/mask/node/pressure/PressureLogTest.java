package network.mask.node.pressure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import network.mask.node.metrics.Drop;
import network.mask.node.metrics.Event;
import network.mask.node.metrics.MixMetrics;
import org.junit.jupiter.api.Test;

/** Redteam D15: limit hits reach the owner's log in plain words, one line per kind per check, only when new. */
class PressureLogTest {

    @Test
    void oneLinePerKindWithTheCountSinceTheLastCheck() {
        MixMetrics metrics = new MixMetrics();
        metrics.event(Event.INBOUND_REJECTED_TOTAL_LIMIT);   // before the log existed: not news
        PressureLog log = new PressureLog(metrics);
        for (int i = 0; i < 500; i++) metrics.event(Event.INBOUND_REJECTED_PER_NETWORK_LIMIT);
        for (int i = 0; i < 7; i++) metrics.event(Event.INBOUND_REJECTED_PER_IP_LIMIT);
        metrics.drop(Drop.EGRESS_BYTES_FULL, 40);
        metrics.drop(Drop.EGRESS_EXPIRED, 3);
        metrics.drop(Drop.FORBIDDEN_NEXT_HOP, 2);
        metrics.event(Event.MQTT_MESSAGE_TOO_LARGE);

        List<String> lines = log.check();
        assertEquals(5, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("refused 507 mix connections in the last minute from addresses or networks"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("dropped 40 packets") && l.contains("slow or unreachable")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("dropped 3 packets") && l.contains("unreachable next hop")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("refused 2 packets") && l.contains("home network")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ignored 1 oversized MQTT")));

        assertEquals(List.of(), log.check(), "nothing new, nothing said");
        metrics.drop(Drop.SCHEDULER_BYTES_FULL);
        assertEquals(1, log.check().size());
    }
}
