package network.mask.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import network.mask.node.net.HttpServerLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redteam D1 on the public API port, over real TCP: idle and slow-header floods are closed by the
 * server's deadlines, the connection cap bounds the heap they can take, and the API answers again.
 */
class ApiConnectionFloodTest {

    static final HttpServerLimits SMALL = new HttpServerLimits(32, Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofMillis(200), 64 * 1024, 32);
    static final int FLOOD = 200;

    PublicApiServer server;

    @BeforeEach
    void start() {
        server = new PublicApiServer(new ApiSettings("127.0.0.1", 0, null), TestIdentity.withSeed(3),
                new ApiTestDoubles.Profile(), BuildInformation.of("0.1.0-test"), new ApiTestDoubles.Metrics())
                .limits(SMALL).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void idleConnectionsAreClosedAndTheApiAnswersAgain() throws Exception {
        long heapBefore = usedHeapAfterGc();
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < FLOOD; i++) idle.add(connect());
            long heapDuring = usedHeapAfterGc();
            // The cap holds the flood's heap to its bound, whatever the flood's size.
            assertTrue(heapDuring - heapBefore < SMALL.heapBound() + (8 << 20),
                    "heap grew by " + (heapDuring - heapBefore) + " bytes under " + FLOOD + " idle connections");
            int closedByServer = 0;
            for (Socket s : idle) if (closedByPeer(s, 30)) closedByServer++;
            assertEquals(FLOOD, closedByServer, "every idle connection is closed by the server");
        } finally {
            for (Socket s : idle) s.close();
        }
        assertEquals(200, health());
    }

    @Test
    void slowHeaderConnectionsAreClosedWhileTheyStillDrip() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SMALL.maxConnections(); i++) slow.add(connect());
            byte[] request = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            boolean[] closed = new boolean[slow.size()];
            int open = slow.size();
            // One byte per connection every 150 ms (well inside the 1 s read timeout) for at most 30 s.
            for (int round = 0; round < 200 && open > 0; round++) {
                for (int i = 0; i < slow.size(); i++) {
                    if (closed[i]) continue;
                    try {
                        OutputStream out = slow.get(i).getOutputStream();
                        out.write(request[Math.min(round, request.length - 1)]);
                        out.flush();
                        if (closedByPeer(slow.get(i), 0)) throw new IOException("closed");
                    } catch (IOException e) {
                        closed[i] = true;
                        open--;
                    }
                }
                Thread.sleep(150);
            }
            assertEquals(0, open, "slow-header connections still open after 30 s of dripping");
        } finally {
            for (Socket s : slow) s.close();
        }
        assertEquals(200, health());
    }

    Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
        return s;
    }

    /** Whether the server closed {@code s}, waiting at most {@code seconds} (0: just look). */
    static boolean closedByPeer(Socket s, int seconds) throws IOException {
        s.setSoTimeout(seconds == 0 ? 1 : seconds * 1000);
        InputStream in = s.getInputStream();
        try {
            while (true) {
                int b = in.read();
                if (b < 0) return true;   // EOF: the server closed it (a 408/400 before that is fine)
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;   // reset by the server
        }
    }

    int health() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
