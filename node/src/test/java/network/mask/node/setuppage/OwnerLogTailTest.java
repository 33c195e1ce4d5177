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
}
