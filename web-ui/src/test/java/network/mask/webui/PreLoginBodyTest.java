package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * D9: form bodies are bounded per route and read only after the session check. The posts here
 * announce 4 MB bodies but never send them: the server must answer from the headers alone,
 * which proves it did not wait for (or hold) the body.
 */
class PreLoginBodyTest {

    private static final int FLOOD = 100;
    private static final long FOUR_MB = 4_000_000;
    private final AdminFixture admin = AdminFixture.start();

    @AfterEach
    void stop() {
        admin.close();
    }

    @Test
    void concurrentOversizedPreLoginPostsAre413WithoutTheBodyAndThePageKeepsAnswering() {
        TestClient visitor = admin.client();
        visitor.get("/claim");
        List<CompletableFuture<String>> posts = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            posts.add(CompletableFuture.supplyAsync(() -> announceBody("/claim", visitor.cookie(), FOUR_MB)));
        }
        List<String> statusLines = posts.stream().map(CompletableFuture::join).toList();

        assertEquals(FLOOD, statusLines.stream().filter(l -> l.startsWith("HTTP/1.1 413")).count(), statusLines.get(0));
        assertEquals(FLOOD, admin.server.counters().oversizedPosts());
        assertEquals(200, admin.client().get("/claim").status(), "the page keeps answering");
        assertEquals(303, visitor.post("/claim", Map.of("code", admin.claim.display())).status(), "and claims still work");
    }

    @Test
    void aPostWithoutASessionIsRefusedBeforeItsBodyIsRead() {
        assertTrue(announceBody("/claim", null, FOUR_MB).startsWith("HTTP/1.1 403"));
        assertEquals(0, admin.server.counters().oversizedPosts(), "refused on the cookie, not on the size");
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws IOException {
        TestClient visitor = admin.client();
        visitor.get("/claim");
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /claim HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Cookie: " + visitor.cookie() + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(4096).getBytes(StandardCharsets.US_ASCII);
            String header = Integer.toHexString(chunk.length) + "\r\n";
            try {
                for (int i = 0; i < 4; i++) {       // 16 KiB, twice the pre-login limit; then no end chunk
                    out.write(header.getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close while we still write: that is the point.
            }
            assertTrue(statusLine(s.getInputStream()).startsWith("HTTP/1.1 413"));
        }
        assertEquals(1, admin.server.counters().oversizedPosts());
    }

    @Test
    void aBodyNoPageSendsIsAPlain400() {
        TestClient visitor = admin.client();
        visitor.get("/claim");
        TestClient.Response r = visitor.send(java.net.http.HttpRequest.newBuilder(admin.base.resolve("/claim"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrf=" + visitor.csrf() + "&code=%zz")), Map.of());
        assertEquals(400, r.status());
        assertTrue(r.body().startsWith("This form could not be read"), r.body());
    }

    @Test
    void theOwnersFormsAreBoundedToo() {
        TestClient owner = admin.claimed();
        owner.get("/setup/node");
        assertTrue(announceBody("/setup/node", owner.cookie(), FOUR_MB).startsWith("HTTP/1.1 413"));
        assertTrue(announceBody("/restore", owner.cookie(), FOUR_MB).startsWith("HTTP/1.1 413"));
    }

    /** Sends headers for a form body of {@code length} bytes, none of the body, and returns the status line. */
    private String announceBody(String path, String cookie, long length) {
        try (Socket s = connect()) {
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + length + "\r\n"
                    + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return statusLine(s.getInputStream());
        } catch (IOException e) {
            return "failed: " + e;
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", admin.server.port()), 10_000);
        s.setSoTimeout(30_000);      // a server waiting for the body would make this read time out
        return s;
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }
}
