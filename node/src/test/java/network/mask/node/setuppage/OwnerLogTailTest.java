package network.mask.node.setuppage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.InstantSource;
import java.util.List;
import network.mask.webui.security.AttackLog;
import org.junit.jupiter.api.Test;

/** The setup page's plain-words refusal lines reach the dashboard's log tail, once per kind per minute. */
class OwnerLogTailTest {

    @Test
    void refusalLinesAppearInTheDashboardsLogTail() throws Exception {
        LogRing ring = LogRing.install(50);
        try {
            AttackLog attacks = new AttackLog(InstantSource.system());
            InetAddress guesser = InetAddress.getByName("192.168.1.66");
            for (int i = 0; i < 30; i++) attacks.note(AttackLog.Kind.THROTTLED, guesser);
            attacks.note(AttackLog.Kind.REFUSED_BACKUP, guesser);
            List<String> lines = ring.tail(50).stream().filter(l -> l.contains("setup page, 192.168.1.66")).toList();
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(0).endsWith("WARNING AttackLog: setup page, 192.168.1.66: attempt refused: too many wrong "
                    + "passwords or claim codes, it must wait"), lines.get(0));
            assertTrue(lines.get(1).endsWith("setup page, 192.168.1.66: backup restore refused"), lines.get(1));
        } finally {
            ring.uninstall();
        }
    }

    @Test
    void theDashboardLogHasTheOwnersLinesAndProblemsButNoDeveloperDetail() {
        LogRing ring = LogRing.install(50);
        try {
            System.Logger developer = System.getLogger("network.mask.node.incoming.MixListener");
            developer.log(System.Logger.Level.INFO, "mix listener on /0.0.0.0:1789 (epoll)");
            network.mask.webui.OwnerLog.note("Logged in from 192.168.1.5");
            developer.log(System.Logger.Level.WARNING, "inbound connection limit reached");
            network.mask.webui.OwnerLog.problem("Home Assistant: the MQTT broker cannot be reached");
            List<String> lines = ring.tail(50).stream().map(l -> l.substring(9)).toList();
            assertEquals(List.of("Logged in from 192.168.1.5", "WARNING MixListener: inbound connection limit reached",
                    "Problem: Home Assistant: the MQTT broker cannot be reached"), lines);
        } finally {
            ring.uninstall();
        }
    }
}
