package network.mask.node.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.mask.node.cli.Main;
import org.junit.jupiter.api.Test;

/** {@code masknode localnet --noise}: node JVMs that learn each other's Noise keys from the local topology. */
class LocalnetNoiseTest {

    @Test
    void everyLinkOfTheLocalMixnetSpeaksNoiseAndEverythingArrives() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"localnet", "--layers", "2", "--nodes-per-layer", "2", "--rate", "100",
                "--seconds", "2", "--warmup-seconds", "0.5", "--replays", "10", "--delay-ms", "5", "--noise"},
                new PrintStream(out), new PrintStream(err));
        String text = out.toString();
        assertEquals(0, code, text + err);
        assertTrue(text.contains("Noise links (XKpsk3"), text);
        List<String> lines = text.lines().toList();
        Matcher last = Pattern.compile("delivered=(\\d+) lost=(\\d+) .*").matcher(lines.getLast());
        assertTrue(last.matches(), lines.getLast());
        assertEquals(250, Integer.parseInt(last.group(1)));
        assertEquals(0, Integer.parseInt(last.group(2)));
        // Every node accepted Noise (from the sender or the first layer) and spoke Noise onwards (to the next layer or the sink).
        Pattern handshakes = Pattern.compile("\\s+Noise handshakes in (\\d+), out (\\d+);.*");
        List<Matcher> perNode = lines.stream().map(handshakes::matcher).filter(Matcher::matches).toList();
        assertEquals(4, perNode.size(), text);
        for (Matcher m : perNode) {
            assertTrue(Integer.parseInt(m.group(1)) >= 1 && Integer.parseInt(m.group(2)) >= 1, m.group());
        }
        assertTrue(text.contains("replays: injected 10, rejected 10"), text);
    }

    @Test
    void noiseWithTheStandInIsRefusedForNowWithTheReason() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"localnet", "--epoch-seconds", "5", "--noise"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("--noise does not run with --epoch-seconds yet"), err.toString());
    }
}
