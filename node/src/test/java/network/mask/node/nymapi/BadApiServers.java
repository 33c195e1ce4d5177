package network.mask.node.nymapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Real loopback servers that fail the way a broken or hostile nym-api might: one that accepts and
 * never answers, one that answers HTTP 200 with HTML, one that answers bytes that are not HTTP at all.
 */
final class BadApiServers implements AutoCloseable {

    enum Behaviour { HANG, HTML, NOT_HTTP, CLOSE }

    /** Connections accepted so far, over all servers: how often the node asked. */
    final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();

    private final List<ServerSocket> servers = new CopyOnWriteArrayList<>();
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    URI start(Behaviour behaviour) throws IOException {
        return start(behaviour, 0);
    }

    /** On a given loopback port (0: any); closing it frees the port for the real thing. */
    URI start(Behaviour behaviour, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        servers.add(server);
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.incrementAndGet();
                    held.add(s);
                    Thread.ofVirtual().start(() -> serve(s, behaviour));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/");
    }

    private static void serve(Socket s, Behaviour behaviour) {
        try {
            InputStream in = s.getInputStream();
            in.read(new byte[4096]);   // the request (or its start)
            OutputStream out = s.getOutputStream();
            switch (behaviour) {
                case HANG -> { /* say nothing, keep the connection open */ }
                case CLOSE -> s.close();
                case HTML -> {
                    byte[] body = "<html><body>Service temporarily unavailable</body></html>".getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                }
                case NOT_HTTP -> {
                    byte[] junk = new byte[2048];
                    new java.util.Random(7).nextBytes(junk);
                    out.write(junk);
                    out.flush();
                    s.close();
                }
            }
        } catch (IOException ignored) {
            // the client gave up
        }
    }

    @Override
    public void close() throws IOException {
        for (Socket s : held) s.close();
        for (ServerSocket s : servers) s.close();
    }
}
