package network.mask.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import network.mask.node.net.HttpServerLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One source network cannot take every connection of the public API (redteam D1/D7 on the HTTP
 * port): over real TCP, connections from 127.0.0.0/24 beyond its share are closed and counted,
 * while another network (127.0.1.0/24) is still answered, and freed slots are usable again.
 */
class ApiPerNetworkLimitTest {

    static final int PER_NETWORK = 4;
    static final HttpServerLimits LIMITS = new HttpServerLimits(32, Duration.ofSeconds(20), Duration.ofSeconds(20),
            Duration.ofSeconds(1), 64 * 1024, PER_NETWORK);
    static final byte[] HALF_REQUEST = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII);

    PublicApiServer server;

    @BeforeEach
    void start() {
        server = new PublicApiServer(new ApiSettings("127.0.0.1", 0, null), TestIdentity.withSeed(4),
                new ApiTestDoubles.Profile(), BuildInformation.of("0.1.0-test"), new ApiTestDoubles.Metrics())
                .limits(LIMITS).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSourceNetworkGetsItsShareAndNoMore() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Socket s = connectFrom("127.0.0.1");
                s.getOutputStream().write(HALF_REQUEST);   // bytes, so the server picks HTTP/1 and judges the source
                s.getOutputStream().flush();
                held.add(s);
            }
            waitFor(() -> server.refusedConnections() >= 10 - PER_NETWORK);
            assertEquals(10 - PER_NETWORK, server.refusedConnections());
            int closed = 0;
            for (Socket s : held) if (ApiConnectionFloodTest.closedByPeer(s, 1)) closed++;
            assertEquals(10 - PER_NETWORK, closed, "the connections over the share are closed");

            assertEquals(200, healthFrom("127.0.1.1"), "another source network is still answered");
            assertEquals(10 - PER_NETWORK, server.refusedConnections());
        } finally {
            for (Socket s : held) s.close();
        }
        // The held slots are released when their connections end: the first network is answered again.
        int status = 0;
        for (int attempt = 0; attempt < 50 && status != 200; attempt++) {
            status = healthFrom("127.0.0.1");
            if (status != 200) Thread.sleep(100);
        }
        assertEquals(200, status);
        assertFalse(server.refusedConnections() > 10, "refusals: " + server.refusedConnections());
    }

    @Test
    void silentConnectionsBeyondTheShareAreStillClosedByTheDeadlines() throws Exception {
        server.close();
        server = new PublicApiServer(new ApiSettings("127.0.0.1", 0, null), TestIdentity.withSeed(4),
                new ApiTestDoubles.Profile(), BuildInformation.of("0.1.0-test"), new ApiTestDoubles.Metrics())
                .limits(new HttpServerLimits(32, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(200),
                        64 * 1024, PER_NETWORK)).start();
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) idle.add(connectFrom("127.0.0.1"));
            int closed = 0;
            for (Socket s : idle) if (ApiConnectionFloodTest.closedByPeer(s, 10)) closed++;
            assertEquals(12, closed, "every silent connection is closed, over the share or not");
        } finally {
            for (Socket s : idle) s.close();
        }
        assertEquals(200, healthFrom("127.0.1.1"));
    }

    Socket connectFrom(String source) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
        return s;
    }

    /** A whole request on a fresh connection from {@code source}: the status code, or 0 when the server closed it. */
    int healthFrom(String source) throws IOException {
        try (Socket s = connectFrom(source)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) Thread.sleep(50);
        assertTrue(condition.getAsBoolean(), "condition not reached in 5 s");
    }
}
