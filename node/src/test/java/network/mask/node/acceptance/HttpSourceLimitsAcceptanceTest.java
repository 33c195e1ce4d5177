package network.mask.node.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code masknode run --dev}: one source network (127.0.0.0/24) gets 32 connections to the
 * public API (room for two nym-api describers) and 16 to the setup page, no more, while another network (127.0.1.0/24) is still
 * answered on both (redteam D1/D7 on the HTTP ports).
 */
class HttpSourceLimitsAcceptanceTest {

    static final int PUBLIC_API_SHARE = 32;
    static final int SETUP_PAGE_SHARE = 16;
    static final int BEYOND = 6;

    @TempDir Path dir;

    @Test
    void oneNetworkGetsItsShareOfEachHttpPortAndAnotherIsStillAnswered() throws Exception {
        try (DevNodeProcess node = DevNodeProcess.start("http-limits", dir.resolve("data"))) {
            node.awaitListening();
            for (int port : new int[] {node.apiPort(), node.adminPort()}) {
                int share = port == node.apiPort() ? PUBLIC_API_SHARE : SETUP_PAGE_SHARE;
                int opened = share + BEYOND;
                List<Socket> held = new ArrayList<>();
                try {
                    for (int i = 0; i < opened; i++) {
                        Socket s = connect("127.0.0.1", port);
                        s.getOutputStream().write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        held.add(s);
                    }
                    int closed = 0;
                    for (Socket s : held) if (closedWithin(s, 2000)) closed++;
                    assertEquals(BEYOND, closed, "port " + port + ": connections beyond the network's share are closed");
                    assertEquals(true, answers("127.0.1.1", port), "port " + port + ": another network is answered");
                } finally {
                    for (Socket s : held) s.close();
                }
            }
        }
    }

    static Socket connect(String source, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        return s;
    }

    static boolean closedWithin(Socket s, int millis) throws IOException {
        s.setSoTimeout(millis);
        InputStream in = s.getInputStream();
        try {
            while (true) if (in.read() < 0) return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Whether a whole request from {@code source} gets an HTTP answer. */
    static boolean answers(String source, int port) throws IOException {
        try (Socket s = connect(source, port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readNBytes(9), StandardCharsets.US_ASCII).equals("HTTP/1.1 ");
        }
    }
}
