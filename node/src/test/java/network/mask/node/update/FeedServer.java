package network.mask.node.update;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 serving a release folder, which can also misbehave the ways a
 * down, slow or lying update server does: an HTTP error, a body cut off mid-way, a stall, a body
 * far larger than it should be.
 */
final class FeedServer implements AutoCloseable {

    enum Fault { NONE, HTTP_500, TRUNCATE_HALF, STALL, ENDLESS }

    private final HttpServer server;
    private final Path root;
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    final Map<String, Integer> hits = new ConcurrentHashMap<>();

    FeedServer(Path root) throws IOException {
        this.root = root;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring(1);
            hits.merge(name, 1, Integer::sum);
            Path file = root.resolve(name).normalize();
            Fault fault = faults.getOrDefault(name, Fault.NONE);
            try (exchange) {
                if (fault == Fault.HTTP_500) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                if (fault == Fault.ENDLESS) {
                    exchange.sendResponseHeaders(200, 0);   // chunked, never ends by itself
                    OutputStream out = exchange.getResponseBody();
                    byte[] chunk = new byte[64 * 1024];
                    for (int i = 0; i < 100_000; i++) out.write(chunk);
                    return;
                }
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(file);
                if (fault == Fault.STALL) {
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body, 0, body.length / 2);
                    exchange.getResponseBody().flush();
                    Thread.sleep(60_000);
                    return;
                }
                exchange.sendResponseHeaders(200, body.length);
                int n = fault == Fault.TRUNCATE_HALF ? body.length / 2 : body.length;
                exchange.getResponseBody().write(body, 0, n);
                // TRUNCATE_HALF: closing short of Content-Length drops the connection.
            } catch (InterruptedException | IOException e) {
                // the client hung up (timeouts, size limits): nothing more to send
            }
        });
        server.start();
    }

    void fault(String name, Fault fault) {
        faults.put(name, fault);
    }

    URI feedUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed.json");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
