package network.mask.node.testing;

import static network.mask.node.config.ConfigSchema.*;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import network.mask.node.config.NodeConfig;
import network.mask.node.wire.FrameCodec;
import network.mask.node.wire.FramingVersion;
import network.mask.node.wire.KeyRotation;

/** Small helpers for tests that run nodes on loopback. */
public final class TestNodes {

    private TestNodes() {}

    /** A node on 127.0.0.1 with an ephemeral mix port, quick reconnects, and local next hops allowed. */
    public static NodeConfig config(Path dataDir) {
        return NodeConfig.defaults()
                .with(NODE_DATA_DIR, dataDir.toString())
                .with(MIX_BIND_HOST, "127.0.0.1")
                .with(MIX_PORT, 0)
                .with(MIX_ALLOW_PRIVATE_NEXT_HOPS, true)
                .with(MIX_RECONNECT_INITIAL, Duration.ofMillis(50))
                .with(MIX_RECONNECT_MAX, Duration.ofMillis(400))
                .with(LIMIT_WORKER_THREADS, 2)
                .with(LIMIT_IO_THREADS, 1)
                .with(LIMIT_SHUTDOWN_GRACE, Duration.ofSeconds(1))
                .with(REPLAY_EXPECTED_RATE, 100)
                .with(REPLAY_KEY_LIFETIME, Duration.ofMinutes(10));
    }

    /** Waits up to {@code timeout} for {@code condition}; returns whether it became true. */
    public static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) return false;
            Thread.sleep(5);
        }
        return true;
    }

    /** Ports handed out in this JVM: the kernel may give a just-closed port again. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A free loopback port not handed out before in this JVM. Tests take several for one node (mix,
     * API, setup page) and close each probe socket at once; the kernel once gave the same port twice
     * in a row, and the config refused "api.port is already used by another port setting".
     */
    public static int freePort() throws IOException {
        while (true) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(s.getLocalPort())) return s.getLocalPort();
            }
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up), for "nothing listens here" tests:
     * a client retrying an ephemeral port can be handed that very port as its own source and
     * connect to itself (TCP simultaneous open).
     */
    public static int freePortBelowEphemeralRange() throws IOException {
        java.util.Random r = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + r.nextInt(10_000);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 20000 and 30000");
    }

    public static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** A v7 frame around a toy packet. */
    public static byte[] frame(byte[] packet) {
        return FrameCodec.frame(FramingVersion.V7, ToyOnion.SIZE, KeyRotation.UNKNOWN, packet);
    }

    /** Opens a plain socket to {@code address} and writes {@code bytes}. */
    public static Socket send(InetSocketAddress address, byte[]... frames) throws IOException {
        Socket s = new Socket(address.getAddress(), address.getPort());
        s.setTcpNoDelay(true);
        OutputStream out = s.getOutputStream();
        for (byte[] f : frames) out.write(f);
        out.flush();
        return s;
    }
}
