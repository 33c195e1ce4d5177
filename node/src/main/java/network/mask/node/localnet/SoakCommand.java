package network.mask.node.localnet;

import static network.mask.node.config.ConfigSchema.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import network.mask.node.config.NodeConfig;
import network.mask.node.daemon.LogFormat;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.keys.KeyStore;
import network.mask.node.keys.NodeKeys;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.sphinx.RouteHop;
import network.mask.node.sphinx.SphinxConstants;
import network.mask.node.sphinx.SphinxEngines;
import network.mask.node.sphinx.SphinxPacketBuilder;
import network.mask.node.wire.FrameCodec;
import network.mask.node.wire.FramingVersion;
import network.mask.node.wire.KeyRotation;

/**
 * {@code masknode soak}: the floods of issue 17 against one real node, for a bounded time each,
 * on loopback only, while valid packets go through the node to a sink in this process. The node
 * runs as its own JVM with the production unit's flags ({@code --jvm}, as scripts/soak.sh reads
 * them from systemd/masknode.service). Per scenario it prints valid delivered/lost and the
 * node's peak RSS against the written budget (docs/memory-budget.md).
 */
public final class SoakCommand {

    /** The unit's flags (systemd/masknode.service), for runs without --jvm. */
    static final String UNIT_FLAGS = "-XX:+UseSerialGC -Xmx192m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError";
    /** The RSS budget of docs/memory-budget.md (the unit's MemoryMax is 512 MiB). */
    static final long RSS_BUDGET_MIB = 448;
    static final int VALID_RATE = 200;

    private final PrintStream out;
    private final List<String> jvm;
    private final int seconds;
    private final int connections;
    private Path dir;
    private Process node;
    private int apiPort, adminPort, mixPort, mqttPort;
    private Process broker;

    private SoakCommand(PrintStream out, List<String> jvm, int seconds, int connections) {
        this.out = out;
        this.jvm = jvm;
        this.seconds = seconds;
        this.connections = connections;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String jvm = UNIT_FLAGS;
        int seconds = 35;   // longer than the HTTP servers' 20 s and 30 s deadlines, so their closes show
        int connections = 3000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jvm" -> jvm = args[++i];
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                default -> {
                    err.println("usage: masknode soak [--jvm \"<node JVM flags>\"] [--seconds <per scenario, 35>] [--connections <per port, 3000>]");
                    return 2;
                }
            }
        }
        LogFormat.install();
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        try {
            return new SoakCommand(out, List.of(jvm.trim().split("\\s+")), Math.max(5, seconds), connections).execute();
        } catch (Exception e) {
            err.println("masknode soak: failed: " + e);
            return 1;
        }
    }

    private record Result(String scenario, int sent, int delivered, long peakRssKib, boolean alive, String notes) {}

    private int execute() throws Exception {
        dir = Files.createTempDirectory("masknode-soak-");
        NodeDaemon sink = null;
        List<Result> results = new ArrayList<>();
        try {
            SphinxEngines engines = SphinxEngines.select(dir.resolve("node"), Map.of());   // cached where the node reads it
            NodeKeys nodeKeys = new KeyStore(dir.resolve("node"), new SecureRandom()).loadOrCreate();
            int[] ports = LoopbackPorts.free(5);
            apiPort = ports[0];
            adminPort = ports[1];
            mixPort = ports[2];
            mqttPort = ports[3];
            int sinkPort = ports[4];
            startBroker();

            int scenarios = 4;
            int perScenario = VALID_RATE * seconds;
            SinkRecorder recorder = new SinkRecorder(perScenario * scenarios);
            NodeKeys sinkKeys = new KeyStore(dir.resolve("sink"), new SecureRandom()).loadOrCreate();
            NodeConfig sinkConfig = NodeConfig.defaults().with(NODE_DATA_DIR, dir.resolve("sink").toString())
                    .with(MIX_BIND_HOST, "127.0.0.1").with(MIX_PORT, sinkPort).with(MIX_ALLOW_PRIVATE_NEXT_HOPS, true)
                    .with(LIMIT_WORKER_THREADS, 1).with(LIMIT_IO_THREADS, 1);
            sink = NodeDaemon.builder(sinkConfig).keys(sinkKeys).finalHopHandler(recorder).build();
            sink.start();

            InetSocketAddress mix = new InetSocketAddress(InetAddress.getLoopbackAddress(), mixPort);
            Topology topology = new Topology(List.of(List.of(new Topology.Member("node", nodeKeys, mix, 0))),
                    new Topology.Member("sink", sinkKeys, new InetSocketAddress(InetAddress.getLoopbackAddress(), sinkPort), 0));
            int threads = Runtime.getRuntime().availableProcessors();
            out.printf(Locale.ROOT, "soak: node JVM %s; %d s per scenario; valid traffic %d pkt/s through the node to a sink%n",
                    String.join(" ", jvm), seconds, VALID_RATE);
            PacketFactory.Built valid = PacketFactory.build(perScenario * scenarios, topology, 1e6, FramingVersion.V7, 17,
                    threads, engines, null);
            int extendedCount = 8000;
            out.printf("building %d extended32 packets to unreachable next hops...%n", extendedCount);
            byte[][] extended = extendedToNowhere(extendedCount, nodeKeys, sinkKeys, engines, threads);

            startNode();
            results.add(scenario("idle connections", 0, perScenario, valid, recorder, this::idleFlood));
            results.add(scenario("slow headers", 1, perScenario, valid, recorder, this::slowFlood));
            results.add(scenario("held extended32 to unreachable hops", 2, perScenario, valid, recorder,
                    stop -> heldFlood(stop, extended)));
            results.add(scenario("large MQTT message", 3, perScenario, valid, recorder, this::mqttFlood));
        } finally {
            if (node != null) {
                node.destroy();
                node.waitFor();
            }
            if (broker != null) {
                broker.destroy();
                broker.waitFor();
            }
            if (sink != null) sink.stop(Duration.ofMillis(200));
        }
        out.println();
        out.printf("%-38s %8s %8s %6s %14s %s%n", "scenario", "sent", "deliv.", "lost", "peak RSS MiB", "notes");
        boolean ok = true;
        for (Result r : results) {
            long rssMib = r.peakRssKib() / 1024;
            boolean within = rssMib <= RSS_BUDGET_MIB && r.alive();
            ok &= within && r.sent() == r.delivered();
            out.printf(Locale.ROOT, "%-38s %8d %8d %6d %6d / %-6d %s%s%n", r.scenario(), r.sent(), r.delivered(),
                    r.sent() - r.delivered(), rssMib, RSS_BUDGET_MIB, r.alive() ? "" : "NODE DIED; ", r.notes());
        }
        out.println("node log: " + dir.resolve("node.log"));
        out.println(ok ? "soak: every scenario lost no valid packet and stayed within the RSS budget"
                : "soak: FAILED (see above)");
        return ok ? 0 : 1;
    }

    private interface Flood {
        String run(AtomicBoolean stop) throws Exception;
    }

    private Result scenario(String name, int index, int perScenario, PacketFactory.Built valid, SinkRecorder recorder,
                            Flood flood) throws Exception {
        out.printf("scenario: %s...%n", name);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!stop.get() && node.isAlive()) {
                peak.accumulateAndGet(rssKib(node.pid()), Math::max);
                sleep(100);
            }
        });
        int from = index * perScenario;
        int to = from + perScenario;
        String[] notes = {""};
        Thread attacker = Thread.ofPlatform().daemon().start(() -> {
            try {
                notes[0] = flood.run(stop);
            } catch (Exception e) {
                notes[0] = "flood failed: " + e;
            }
        });
        try (TrafficSender sender = new TrafficSender(List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), mixPort)))) {
            sleep(1000);   // the flood is under way before valid traffic starts
            sender.send(valid, from, to, VALID_RATE, 0, 0);
        } catch (IOException e) {
            notes[0] = "valid sender: " + e;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (delivered(recorder, from, to) < perScenario && System.nanoTime() - deadline < 0) sleep(50);
        stop.set(true);
        attacker.join(Duration.ofSeconds(30));
        sampler.join(Duration.ofSeconds(2));
        sleep(2000);   // the node closes what is left before the next scenario
        return new Result(name, perScenario, delivered(recorder, from, to), peak.get(), node.isAlive(), notes[0]);
    }

    private static int delivered(SinkRecorder recorder, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) if (recorder.arrival(i) != 0) n++;
        return n;
    }

    // --- floods ---

    private String idleFlood(AtomicBoolean stop) throws Exception {
        // All three ports at once, held for the whole scenario (longer than the HTTP deadlines).
        Map<Integer, List<Socket>> open = openOnEveryPort(connections, stop);
        sleepUntil(stop, Long.MAX_VALUE);
        StringBuilder notes = new StringBuilder();
        for (int port : new int[] {apiPort, adminPort, mixPort}) {
            List<Socket> sockets = open.get(port);
            notes.append(String.format(Locale.ROOT, "%s: %d opened, %d closed by node; ", name(port), sockets.size(),
                    closeAll(sockets)));
        }
        return notes.toString();
    }

    private String slowFlood(AtomicBoolean stop) throws Exception {
        byte[] http = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
        byte[] frame = FrameCodec.frame(FramingVersion.V7, PacketSize.EXTENDED32, KeyRotation.UNKNOWN,
                new byte[PacketSize.EXTENDED32.packetLength()]);
        Map<Integer, List<Socket>> open = openOnEveryPort(connections / 3, stop);
        Map<Integer, Integer> opened = new java.util.HashMap<>();
        Map<Integer, Integer> closedByNode = new java.util.HashMap<>();
        open.forEach((port, sockets) -> {
            opened.put(port, sockets.size());
            closedByNode.put(port, 0);
        });
        for (int step = 0; !stop.get(); step++) {
            for (Map.Entry<Integer, List<Socket>> e : open.entrySet()) {
                byte[] bytes = e.getKey() == mixPort ? frame : http;
                List<Socket> sockets = e.getValue();
                for (int i = 0; i < sockets.size(); i++) {
                    Socket s = sockets.get(i);
                    if (s == null) continue;
                    try {
                        OutputStream o = s.getOutputStream();
                        o.write(bytes[step % bytes.length]);   // an endless header: one byte per second
                        o.flush();
                    } catch (IOException gone) {
                        closedByNode.merge(e.getKey(), 1, Integer::sum);
                        s.close();
                        sockets.set(i, null);
                    }
                }
            }
            sleep(1000);
        }
        StringBuilder notes = new StringBuilder();
        for (int port : new int[] {apiPort, adminPort, mixPort}) {
            int closed = closedByNode.get(port) + closeAll(open.get(port).stream().filter(java.util.Objects::nonNull).toList());
            notes.append(String.format(Locale.ROOT, "%s: %d dripping, %d closed by node; ", name(port), opened.get(port), closed));
        }
        return notes.toString();
    }

    /** {@code n} connection attempts per port, the ports in parallel, for at most 10 s. */
    private Map<Integer, List<Socket>> openOnEveryPort(int n, AtomicBoolean stop) throws InterruptedException {
        Map<Integer, List<Socket>> open = new java.util.concurrent.ConcurrentHashMap<>();
        long until = System.currentTimeMillis() + 10_000;
        List<Thread> openers = new ArrayList<>();
        for (int port : new int[] {apiPort, adminPort, mixPort}) {
            openers.add(Thread.ofPlatform().start(() -> open.put(port, openMany(port, n, until))));
        }
        for (Thread t : openers) t.join();
        return open;
    }

    private String heldFlood(AtomicBoolean stop, byte[][] extended) throws Exception {
        int sent = 0;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), mixPort)) {
            OutputStream o = s.getOutputStream();
            long start = System.nanoTime();
            for (byte[] f : extended) {
                if (stop.get()) break;
                o.write(f);
                sent++;
                long due = start + sent * 1_000_000L;   // 1,000 per second: 33 MB/s
                long wait = due - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            o.flush();
            sleepUntil(stop, Long.MAX_VALUE);
        }
        return sent + " extended32 packets (" + (sent * (long) PacketSize.EXTENDED32.packetLength() >> 20)
                + " MiB) to 20 closed ports";
    }

    private String mqttFlood(AtomicBoolean stop) throws Exception {
        if (broker == null) return "skipped: no mosquitto on this machine";
        Path big = dir.resolve("150MiB.bin");
        try (OutputStream o = Files.newOutputStream(big)) {
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 150; i++) o.write(chunk);
        }
        String pub = Path.of(MosquittoPaths.binary()).resolveSibling("mosquitto_pub").toString();
        if (!Files.isExecutable(Path.of(pub))) pub = "mosquitto_pub";
        Process p = new ProcessBuilder(pub, "-h", "127.0.0.1", "-p", String.valueOf(mqttPort), "-t", "homeassistant/status",
                "-f", big.toString()).redirectErrorStream(true).start();
        int code = p.waitFor() ;
        sleepUntil(stop, Long.MAX_VALUE);
        Files.deleteIfExists(big);
        return "150 MiB on homeassistant/status through mosquitto (mosquitto_pub exit " + code + ")";
    }

    // --- setup ---

    private void startBroker() throws IOException {
        String binary = MosquittoPaths.binary();
        if (binary == null) return;
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + mqttPort + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        broker = new ProcessBuilder(binary, "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        sleep(500);
    }

    private void startNode() throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "network.mask.node.cli.Main", "run", "--dev", "--data", dir.resolve("node").toString(),
                "--api-port", String.valueOf(apiPort), "--admin-port", String.valueOf(adminPort),
                "--mix-port", String.valueOf(mixPort)));
        if (broker != null) cmd.addAll(List.of("--mqtt", "tcp://127.0.0.1:" + mqttPort));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile());
        pb.environment().put("MALLOC_ARENA_MAX", "2");   // as the unit sets it
        node = pb.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!node.isAlive()) throw new IOException("the node exited at start; see " + dir.resolve("node.log"));
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/api/v1/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 && listening(mixPort)) {
                    out.printf("node up (pid %d): api %d, setup page %d, mix %d%s%n", node.pid(), apiPort, adminPort, mixPort,
                            broker == null ? "" : ", MQTT broker " + mqttPort);
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            sleep(300);
        }
        throw new IOException("the node did not answer within 90 s; see " + dir.resolve("node.log"));
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Extended32 packets whose next hop after the node is one of 20 closed loopback ports. */
    private static byte[][] extendedToNowhere(int count, NodeKeys node, NodeKeys sink, SphinxEngines engines, int threads)
            throws Exception {
        int[] closed = LoopbackPorts.free(20);
        byte[][] frames = new byte[count][];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers.add(Thread.ofPlatform().start(() -> {
                SphinxPacketBuilder builder = engines.builder();
                for (int i = first; i < count; i += threads) {
                    InetSocketAddress nowhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), closed[i % closed.length]);
                    List<RouteHop> route = List.of(
                            new RouteHop(node.primary().publicKey(),
                                    new NodeAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 1)), 0),
                            new RouteHop(sink.primary().publicKey(), new NodeAddress(nowhere), 0));
                    byte[] packet = builder.build(SphinxConstants.VERSION_PAYLOAD_KEY_SEEDS, PacketSize.EXTENDED32, route,
                            new byte[SphinxConstants.DESTINATION_LENGTH], PacketFactory.surbId(i), PacketFactory.message(i));
                    frames[i] = FrameCodec.frame(FramingVersion.V7, PacketSize.EXTENDED32, KeyRotation.UNKNOWN, packet);
                }
            }));
        }
        for (Thread w : workers) w.join();
        return frames;
    }

    private String name(int port) {
        return port == apiPort ? "api" : port == adminPort ? "setup page" : "mix";
    }

    /** Up to {@code n} connections, until {@code untilMillis}: beyond a server's cap, connects wait in its backlog or time out. */
    private static List<Socket> openMany(int port, int n, long untilMillis) {
        List<Socket> open = new ArrayList<>();
        for (int i = 0; i < n && System.currentTimeMillis() < untilMillis; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
                open.add(s);
            } catch (IOException e) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // not connected
                }
            }
        }
        return open;
    }

    /** Closes every socket; returns how many the node had already closed. */
    private static int closeAll(List<Socket> open) {
        int closedByNode = 0;
        for (Socket s : open) {
            try {
                s.setSoTimeout(1);
                InputStream in = s.getInputStream();
                if (in.read() < 0) closedByNode++;
            } catch (java.net.SocketTimeoutException stillOpen) {
                // the node kept it
            } catch (IOException reset) {
                closedByNode++;
            }
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        return closedByNode;
    }

    private static long rssKib(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }


    private static void sleepUntil(AtomicBoolean stop, long millis) {
        long until = millis == Long.MAX_VALUE ? Long.MAX_VALUE : System.currentTimeMillis() + millis;
        while (!stop.get() && System.currentTimeMillis() < until) sleep(100);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where mosquitto is: on PATH or in /usr/sbin (Debian). */
    static final class MosquittoPaths {
        static String binary() {
            for (String p : List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto")) {
                if (Files.isExecutable(Path.of(p))) return p;
            }
            return null;
        }
    }
}
