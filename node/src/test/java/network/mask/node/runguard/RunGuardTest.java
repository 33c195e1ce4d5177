package network.mask.node.runguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-directory lock within one process, and the plain message for a port in use. */
class RunGuardTest {

    @TempDir Path dir;

    @Test
    void theLockIsExclusiveNamesItsHolderAndIsFreeAgainAfterClose() throws Exception {
        Path data = dir.resolve("data");
        try (DataDirLock held = DataDirLock.acquire(data, "pid 42, mix port 1789, setup page port 8443")) {
            DataDirLock.HeldElsewhere e = assertThrows(DataDirLock.HeldElsewhere.class, () -> DataDirLock.acquire(data, "other"));
            assertEquals("pid 42, mix port 1789, setup page port 8443", e.holder());
            assertTrue(e.getMessage().contains(data + " is in use by another Mask Node (pid 42"), e.getMessage());
        }
        try (DataDirLock again = DataDirLock.acquire(data, "pid 43")) {
            assertEquals("pid 43\n", Files.readString(data.resolve(DataDirLock.FILE)), "the new holder's note replaces the old one");
        }
    }

    @Test
    void aPortInUseIsNamedWithTheFlagThatChangesIt() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            String said = PortInUse.explain(List.of(new PortInUse.Port("mix port", "--mix-port", "127.0.0.1", port))).orElseThrow();
            assertEquals("Port " + port + " (mix port) is in use. Is Mask Node already running? Stop it first (Ctrl-C, or "
                    + "`systemctl stop masknode`), or choose another port with --mix-port.", said);
        }
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int freed = probe.getLocalPort();
            probe.close();
            assertTrue(PortInUse.explain(List.of(new PortInUse.Port("mix port", "--mix-port", "127.0.0.1", freed))).isEmpty());
        }
    }

    @Test
    void bindFailuresAreRecognisedThroughTheirCauses() {
        assertTrue(PortInUse.isBindFailure(new IllegalStateException("start", new BindException("Address already in use"))));
        assertTrue(PortInUse.isBindFailure(new IOException("bind(..) failed with error(-98): Address already in use")));
        assertFalse(PortInUse.isBindFailure(new IOException("Permission denied")));
    }
}
