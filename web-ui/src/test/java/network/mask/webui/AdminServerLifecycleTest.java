package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;

import network.mask.webui.claim.OneTimeClaimCode;
import org.junit.jupiter.api.Test;

class AdminServerLifecycleTest {

    @Test
    void startsOnTheGivenPortAndStops() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        FakeNode node = new FakeNode();
        AdminServer server = AdminServer.start(AdminConfig.of(InetAddress.getLoopbackAddress(), port),
                node.backend(OneTimeClaimCode.generate(() -> false)));
        assertEquals(port, server.port());
        assertTrue(server.isRunning());
        assertEquals(303, new TestClient(java.net.URI.create("http://127.0.0.1:" + port + "/"), java.util.Optional.empty())
                .get("/").status());
        server.close();
        assertFalse(server.isRunning());
    }

    @Test
    void aTakenPortFailsTheStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            FakeNode node = new FakeNode();
            java.io.IOException e = assertThrows(java.io.IOException.class, () -> AdminServer.start(
                    AdminConfig.of(InetAddress.getLoopbackAddress(), taken.getLocalPort()),
                    node.backend(OneTimeClaimCode.generate(() -> false))));
            assertTrue(e.getMessage().contains(":" + taken.getLocalPort()), e.getMessage());
        }
    }
}
