package network.mask.node.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.json.Json;
import network.mask.node.cli.Main;
import network.mask.node.telemetry.MosquittoBroker;
import network.mask.node.telemetry.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small local mixnet, for real: node JVMs, TCP, the Sphinx engine, injected replays. Not a benchmark. */
class LocalnetCommandTest {

    @Test
    void aSmallLocalMixnetDeliversEverythingAndRejectsTheReplays() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"localnet", "--layers", "2", "--nodes-per-layer", "2", "--rate", "200",
                "--seconds", "2", "--warmup-seconds", "0.5", "--replays", "10", "--delay-ms", "5"},
                new PrintStream(out), new PrintStream(err));
        String text = out.toString();
        assertEquals(0, code, text + err);
        List<String> lines = text.lines().toList();
        Matcher last = Pattern.compile("delivered=(\\d+) lost=(\\d+) throughput_pps=(\\d+) overhead_p99_ms=([0-9.]+)")
                .matcher(lines.getLast());
        assertTrue(last.matches(), lines.getLast());
        assertEquals(500, Integer.parseInt(last.group(1)));
        assertEquals(0, Integer.parseInt(last.group(2)));
        assertTrue(text.contains("replays: injected 10, rejected 10"), text);
        assertEquals(4, lines.stream().filter(l -> l.startsWith("node mix-")).count(), text);
    }

    /** With the nym-api stand-in: nodes described through their APIs, v8 frames with the network's parity across rotations. */
    @Test
    void withTheNymApiStandInV8TrafficFollowsTheNetworksRotations() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"localnet", "--layers", "3", "--rate", "200", "--seconds", "10",
                "--warmup-seconds", "0.5", "--replays", "10", "--delay-ms", "5", "--epoch-seconds", "3", "--validity-epochs", "3"},
                new PrintStream(out), new PrintStream(err));
        String text = out.toString();
        assertEquals(0, code, text + err);
        assertTrue(text.contains("framing v8"), text);
        assertTrue(text.contains("nym-api stand-in at http://127.0.0.1:"), text);
        List<String> lines = text.lines().toList();
        Matcher last = Pattern.compile("delivered=(\\d+) lost=(\\d+) throughput_pps=(\\d+) overhead_p99_ms=([0-9.]+) rotations=(\\d+)")
                .matcher(lines.getLast());
        assertTrue(last.matches(), lines.getLast());
        assertEquals(2100, Integer.parseInt(last.group(1)));
        assertEquals(0, Integer.parseInt(last.group(2)));
        // a rotation every 9 s; 10.5 s of sending from the start of rotation 1 (the nodes' keys cover rotations 1 to 3).
        // 3 s epochs: a packet keeps working for one epoch after its key's rotation ends, room enough on a busy machine.
        assertTrue(Integer.parseInt(last.group(5)) >= 1, "a rotation happened while sending: " + lines.getLast());
        assertTrue(text.contains("replays: injected 10, rejected 10"), text);
    }

    @Test
    void theStandInsRunsSendV8Only() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"localnet", "--epoch-seconds", "5", "--framing", "7"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("--epoch-seconds sends v8 frames"), err.toString());
    }

    @Test
    void badOptionsAreRefusedWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"localnet", "--layers", "7"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("--layers expects an integer from 1 to 4, got '7'"), err.toString());
    }

    @Test
    void aBadBrokerUrlIsRefused() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"localnet", "--mqtt", "http://127.0.0.1:1883"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("--mqtt expects a broker like tcp://127.0.0.1:1883, got 'http://127.0.0.1:1883'"),
                err.toString());
    }

    /** With --mqtt every node runs the appliance's telemetry: Home Assistant sees each one, and nothing is lost. */
    @Test
    void withMqttEveryNodeAnnouncesItselfAndTheMixnetStillDeliversEverything(@TempDir Path dir) throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
             TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), "homeassistant/device/+/config")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"localnet", "--layers", "2", "--rate", "100", "--seconds", "1",
                    "--warmup-seconds", "0", "--replays", "0", "--delay-ms", "5", "--mqtt", broker.tcpUrl()},
                    new PrintStream(out), new PrintStream(out));
            String text = out.toString();
            assertEquals(0, code, text);
            assertTrue(text.contains("every node publishes MQTT telemetry to " + broker.tcpUrl()), text);
            assertTrue(text.lines().toList().getLast().startsWith("delivered=100 lost=0 "), text);
            Set<String> names = new HashSet<>();
            for (int i = 0; i < 2; i++) {
                String config = ha.await(Duration.ofSeconds(5), "two nodes' discovery", r -> !r.payload().isEmpty()).payload();
                names.add(Json.createReader(new StringReader(config)).readObject().getJsonObject("dev").getString("name"));
            }
            assertEquals(Set.of("mix-1-0", "mix-2-0"), names);
        }
    }
}
