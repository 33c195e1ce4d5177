package network.mask.node.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

/** The small parts of the telemetry that need no broker. */
class TelemetryPartsTest {

    @Test
    void backoffDoublesUpToTheMaximumWithJitterInTheUpperHalf() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(3), new Random(7));
        long[] ceilings = {100, 200, 400, 800, 1600, 3000, 3000, 3000};
        Set<Long> distinct = new HashSet<>();
        for (long ceiling : ceilings) {
            long d = b.nextDelay().toMillis();
            assertTrue(d >= ceiling / 2 && d <= ceiling, d + " not in [" + ceiling / 2 + ", " + ceiling + "]");
            distinct.add(d);
        }
        assertTrue(distinct.size() > 3, "jitter varies the delays");
        b.reset();
        assertTrue(b.nextDelay().toMillis() <= 100, "reset starts over");
        for (int i = 0; i < 200; i++) assertTrue(b.nextDelay().toMillis() <= 3000, "never above max, no overflow");
    }

    @Test
    void outboxKeepsTheNewestAndCountsWhatItDrops() {
        BoundedOutbox box = new BoundedOutbox(3);
        for (int i = 0; i < 5; i++) box.offer(new OutboundMessage("t", "m" + i, 1, false));
        assertEquals(3, box.size());
        assertEquals(2, box.dropped());
        assertEquals("m2", box.peek().payload());
        OutboundMessage head = box.peek();
        box.offer(new OutboundMessage("t", "m5", 1, false));   // evicts m2 while it is "being sent"
        box.remove(head);                                       // must not remove m3
        assertEquals(3, box.size());
        assertEquals("m3", box.peek().payload());
    }

    @Test
    void healthEntitiesSurviveASingleMissedReading() {
        StickyPresence p = new StickyPresence(3);
        assertEquals(Set.of("a", "b"), p.update(Set.of("a", "b")));
        assertEquals(Set.of("a", "b"), p.update(Set.of("a")));
        assertEquals(Set.of("a", "b"), p.update(Set.of("a")));
        assertEquals(Set.of("a"), p.update(Set.of("a")), "gone after three misses in a row");
        assertEquals(Set.of("a", "b"), p.update(Set.of("a", "b")), "back as soon as it is seen");
    }

    @Test
    void dropReasonsBecomeSafeComponentIds() {
        assertEquals("bad_mac", EntityCatalog.sanitize("BAD_MAC"));
        assertEquals("egress_queue_full", EntityCatalog.sanitize("egress queue-full"));
        assertEquals("unknown", EntityCatalog.sanitize("%%%"));
        assertEquals(40, EntityCatalog.sanitize("x".repeat(100)).length());
        List<Entity> entities = EntityCatalog.entities(Set.of("Bad MAC", "bad_mac"), Set.of());
        assertEquals(1, entities.stream().filter(e -> e.key().equals("drop_rate_bad_mac")).count(), "no duplicate ids");
    }

    @Test
    void connectFailuresMapToWhatTheOwnerMustFix() {
        MqttSettings s = MqttSettings.of("tcp://broker.example:1883", "n").withCredentials("u", "secret-pw");
        assertEquals(TelemetryState.AUTH_FAILED,
                PahoTelemetryPublisher.classify(new MqttException(MqttException.REASON_CODE_FAILED_AUTHENTICATION), s).kind());
        assertEquals(TelemetryState.AUTH_FAILED,
                PahoTelemetryPublisher.classify(new MqttException(MqttException.REASON_CODE_NOT_AUTHORIZED), s).kind());
        PublisherException unknownHost = PahoTelemetryPublisher.classify(
                new MqttException(MqttException.REASON_CODE_SERVER_CONNECT_ERROR, new UnknownHostException("broker.example")), s);
        assertEquals(TelemetryState.UNREACHABLE, unknownHost.kind());
        assertTrue(unknownHost.getMessage().contains("unknown broker host"), unknownHost.getMessage());
        assertEquals(TelemetryState.UNREACHABLE, PahoTelemetryPublisher.classify(
                new MqttException(MqttException.REASON_CODE_SERVER_CONNECT_ERROR, new ConnectException("refused")), s).kind());
        assertEquals(TelemetryState.TLS_FAILED, PahoTelemetryPublisher.classify(
                new MqttException(0, new SSLHandshakeException("PKIX path building failed")), s).kind());
        for (int code : new int[] {4, 5, 32103, 32000}) {
            assertFalse(PahoTelemetryPublisher.classify(new MqttException(code), s).getMessage().contains("secret-pw"));
        }
    }
}
