package network.mask.node.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Netty's JFR events must be off in the node's processes (their first check initialises JFR on the I/O
 * thread and stalled a new node's first read by 200-500 ms), unless the command line asks for them.
 * Run in fresh JVMs: in this one, Netty may long since have read the property.
 */
class NettyDefaultsTest {

    /** Prints whether Netty will emit JFR events, after the node's entry-point defaults. */
    public static final class Probe {
        public static void main(String[] args) {
            NettyDefaults.apply();
            System.out.print(io.netty.util.internal.PlatformDependent.isJfrEnabled());
        }
    }

    @Test
    void nettyJfrEventsAreOffByDefault() throws Exception {
        assertEquals("false", probe(List.of()));
    }

    @Test
    void anExplicitSettingWins() throws Exception {
        assertEquals("true", probe(List.of("-Dio.netty.jfr.enabled=true")));
    }

    private static String probe(List<String> jvmOptions) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
