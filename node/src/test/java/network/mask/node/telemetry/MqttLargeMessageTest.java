package network.mask.node.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Redteam D8: a message far larger than the node reads, relayed by a real Mosquitto, is refused unread. */
@Timeout(90)
class MqttLargeMessageTest {

    @TempDir
    Path dir;

    @Test
    void aLargeMessageOnASubscribedTopicIsRefusedAndTelemetryComesBack() throws Exception {
        PahoTelemetryPublisher publisher = new PahoTelemetryPublisher();
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
             MqttTelemetry t = new MqttTelemetry(TestDoubles.device(), new TestDoubles.Metrics(), new TestDoubles.Health(),
                     new TestDoubles.Actions(), publisher,
                     MqttTelemetry.Options.defaults().withBackoff(Duration.ofMillis(100), Duration.ofMillis(500)))) {
            t.start();
            t.reconfigure(MqttSettings.of(broker.tcpUrl(), "big-1"));
            MqttConnectionTest.eventually(t, TelemetryState.CONNECTED);

            long heapBefore = usedHeapAfterGc();
            byte[] big = new byte[32 * 1024 * 1024];   // 500 times what the node reads
            MqttClient attacker = new MqttClient(broker.tcpUrl(), "attacker", new MemoryPersistence());
            attacker.connect();
            attacker.publish("homeassistant/status", big, 0, false);
            big = null;
            attacker.disconnect();
            attacker.close();

            MqttConnectionTest.eventually(() -> publisher.oversizedMessages() >= 1, t, "the large message refused");
            MqttConnectionTest.eventually(t, TelemetryState.CONNECTED);
            assertEquals(1, publisher.oversizedMessages(), "refused once; the broker does not send it again");
            long grown = usedHeapAfterGc() - heapBefore;
            assertTrue(grown < 8 << 20, "heap grew by " + grown + " bytes");
        }
    }

    @Test
    void theGuardFollowsPacketBoundariesAndStopsAtTheOversizedLength() throws IOException {
        AtomicInteger refused = new AtomicInteger();
        // PINGRESP (0xD0, length 0), a 3-byte PUBLISH body, then a PUBLISH announcing 2,097,152 bytes (0x80 0x80 0x80 0x01).
        byte[] stream = {(byte) 0xD0, 0x00, 0x30, 0x03, 1, 2, 3, 0x30, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        var guard = new BoundedMqttSockets.PacketGuard(new ByteArrayInputStream(stream), 1024, refused::incrementAndGet);
        byte[] buf = new byte[7];
        assertEquals(7, guard.read(buf, 0, 7));
        assertEquals(0x30, guard.read());
        assertEquals(0, refused.get());
        try {
            guard.read(buf, 0, 4);
            throw new AssertionError("an oversized length must fail the read");
        } catch (BoundedMqttSockets.PacketTooLargeException expected) {
            assertEquals(1, refused.get());
        }
    }

    static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
