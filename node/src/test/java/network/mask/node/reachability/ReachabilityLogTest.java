package network.mask.node.reachability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReachabilityLogTest {

    private static final Instant T0 = Instant.parse("2026-12-02T04:00:00Z");

    @TempDir
    Path dir;

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    @Test
    void onlyAddressesOutsideTheHomeNetworkCount() {
        ReachabilityLog log = new ReachabilityLog(dir, at(T0), false);
        for (String inside : new String[] {"192.168.1.20", "10.0.0.7", "127.0.0.1", "::1", "fe80::1", "100.64.1.1",
                "::ffff:192.168.1.20", "fd00::5"}) {
            log.record(Witness.DIRECTORY, InetAddress.ofLiteral(inside));
        }
        assertEquals(Optional.empty(), log.lastReached(), "the home network and the box itself prove nothing");
        assertEquals(8, log.ignoredInside());
        log.record(Witness.MIX_PEER, InetAddress.ofLiteral("185.12.7.1"));
        assertEquals(Optional.of(new ReachabilityLog.Seen(T0, Witness.MIX_PEER)), log.lastReached());
        assertEquals(Optional.empty(), log.last(Witness.DIRECTORY));
    }

    @Test
    void onADeveloperPcLoopbackIsTheNetwork() {
        ReachabilityLog log = new ReachabilityLog(dir, at(T0), true);
        log.record(Witness.DIRECTORY, InetAddress.ofLiteral("127.0.0.1"));
        log.record(Witness.DIRECTORY, InetAddress.ofLiteral("192.168.1.20"));
        assertEquals(Optional.of(T0), log.last(Witness.DIRECTORY));
        assertEquals(1, log.ignoredInside());
    }

    @Test
    void theTimesSurviveARestartAndAreWrittenOnlyWhenTheyChanged() throws Exception {
        ReachabilityLog first = new ReachabilityLog(dir, at(T0), false);
        first.save();
        assertFalse(Files.exists(dir.resolve(ReachabilityLog.FILE_NAME)), "nothing to save, nothing written");
        first.record(Witness.DIRECTORY, InetAddress.ofLiteral("2a01:4f8::1"));
        first.record(Witness.MIX_PEER, InetAddress.ofLiteral("185.12.7.1"));
        first.save();
        first.save();
        assertEquals(1, first.saves(), "a second save without news writes nothing");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file left behind");
        }

        ReachabilityLog second = new ReachabilityLog(dir, at(T0.plusSeconds(3600)), false);
        assertEquals(Optional.of(T0), second.last(Witness.DIRECTORY));
        assertEquals(Optional.of(T0), second.last(Witness.MIX_PEER));
    }

    @Test
    void aDamagedFileIsSetAsideWithoutACrash() throws Exception {
        Files.writeString(dir.resolve(ReachabilityLog.FILE_NAME), "{\"directory\":\"yesterday\"");
        ReachabilityLog log = new ReachabilityLog(dir, at(T0), false);
        assertEquals(Optional.empty(), log.lastReached());
        log.record(Witness.DIRECTORY, InetAddress.ofLiteral("185.12.7.1"));
        log.save();
        assertTrue(Files.readString(dir.resolve(ReachabilityLog.FILE_NAME)).contains(T0.toString()));
    }
}
