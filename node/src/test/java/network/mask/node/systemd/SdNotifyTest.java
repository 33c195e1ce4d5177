package network.mask.node.systemd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sd_notify messages as a real AF_UNIX datagram socket receives them. */
class SdNotifyTest {

    @TempDir
    Path dir;

    @Test
    void sendsEachStateToAPathSocket() throws Exception {
        String path = dir.resolve("notify.sock").toString();
        try (NotifyReceiver systemd = new NotifyReceiver(path);
             SdNotify notify = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", path))) {
            assertTrue(notify.enabled());
            assertTrue(notify.ready());
            assertTrue(notify.status("mixing on :1789"));
            assertTrue(notify.watchdog());
            assertTrue(notify.stopping());
            assertEquals("READY=1", systemd.next());
            assertEquals("STATUS=mixing on :1789", systemd.next());
            assertEquals("WATCHDOG=1", systemd.next());
            assertEquals("STOPPING=1", systemd.next());
            assertEquals(0, notify.failures());
        }
    }

    @Test
    void sendsToAnAbstractSocket() throws Exception {
        String name = "@masknode-test-" + UUID.randomUUID();
        try (NotifyReceiver systemd = new NotifyReceiver(name);
             SdNotify notify = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", name))) {
            assertTrue(notify.send("READY=1\nSTATUS=up"));
            assertEquals("READY=1\nSTATUS=up", systemd.next());
        }
    }

    @Test
    void statusIsOneLineAndSizedInBytesNotChars() throws Exception {
        String path = dir.resolve("n.sock").toString();
        try (NotifyReceiver systemd = new NotifyReceiver(path);
             SdNotify notify = SdNotify.forSocket(path)) {
            notify.status("Grüße ✓\nsecond line");
            byte[] got = systemd.nextRaw(Duration.ofSeconds(1)).orElseThrow();
            assertArrayEquals("STATUS=Grüße ✓ second line".getBytes(StandardCharsets.UTF_8), got);
        }
    }

    @Test
    void withoutNotifySocketEveryCallIsANoOp() {
        try (SdNotify notify = SdNotify.fromEnvironment(Map.of())) {
            assertFalse(notify.enabled());
            assertFalse(notify.ready());
            assertFalse(notify.watchdog());
            assertFalse(notify.stopping());
            assertEquals(0, notify.failures());
        }
    }

    @Test
    void unsupportedAddressDisablesInsteadOfFailingTheNode() {
        try (SdNotify notify = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "vsock:2:9999"))) {
            assertFalse(notify.enabled());
        }
        assertThrows(IllegalArgumentException.class, () -> SdNotify.forSocket("relative/notify.sock"));
        assertThrows(IllegalArgumentException.class, () -> SdNotify.forSocket("/" + "x".repeat(120)));
        assertThrows(IllegalArgumentException.class, () -> SdNotify.forSocket("@" + "x".repeat(120)));
    }

    @Test
    void aMissingListenerIsCountedNotThrownAndRecoveryWorks() throws Exception {
        String path = dir.resolve("late.sock").toString();
        try (SdNotify notify = SdNotify.forSocket(path)) {
            assertFalse(notify.watchdog());
            assertFalse(notify.watchdog());
            assertEquals(2, notify.failures());
            try (NotifyReceiver systemd = new NotifyReceiver(path)) {
                assertTrue(notify.watchdog());
                assertEquals("WATCHDOG=1", systemd.next());
            }
        }
    }

    @Test
    void sendFailureCarriesErrno() throws Exception {
        try (UnixDatagramSocket socket = UnixDatagramSocket.open()) {
            NativeSocketException e = assertThrows(NativeSocketException.class,
                    () -> socket.send(UnixAddress.parse(dir.resolve("absent.sock").toString()), new byte[] {1}));
            assertEquals("sendto", e.call());
            assertEquals(2, e.errno(), e.getMessage()); // ENOENT
            assertTrue(e.getMessage().contains("No such file"), e.getMessage());
        }
    }
}
