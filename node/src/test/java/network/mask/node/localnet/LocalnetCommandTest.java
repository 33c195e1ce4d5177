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

    @Test
    void badOptionsAreRefusedWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"localnet", "--layers", "7"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("--layers expects an integer from 1 to 4, got '7'"), err.toString());
    }
}
