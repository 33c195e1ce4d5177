package network.mask.node.localnet;

import static network.mask.node.config.ConfigSchema.*;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import network.mask.node.config.ConfigStore;
import network.mask.node.config.NodeConfig;
import network.mask.node.daemon.LogFormat;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.keys.IdentityKey;
import network.mask.node.keys.KeyStore;
import network.mask.node.keys.NodeKeys;
import network.mask.node.keys.SphinxKey;
import network.mask.node.sphinx.SphinxEngines;
import network.mask.node.sphinx.crypto.CryptoSelector;
import network.mask.node.wire.FramingVersion;

/**
 * {@code masknode localnet}: a mixnet on loopback. Every mix node runs in its own JVM (so its
 * memory can be measured) and talks real TCP; this process pre-builds the packets, sends them
 * at the requested rate through random routes, plays the sink, and reports what arrived, how
 * late beyond the delays the packets asked for, and each node's memory.
 */
public final class LocalnetCommand {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STATS_TIMEOUT = Duration.ofSeconds(10);
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("network.mask.node");

    private LocalnetCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        LocalnetOptions o;
        try {
            if (args.length > 0 && (args[0].equals("--help") || args[0].equals("help"))) {
                out.print(LocalnetOptions.HELP);
                return 0;
            }
            o = LocalnetOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            err.println("masknode localnet: " + e.getMessage());
            err.print(LocalnetOptions.HELP);
            return 2;
        }
        LogFormat.install();
        QUIET.setLevel(java.util.logging.Level.WARNING);   // the sink's routine start/stop lines would bury the report
        try {
            return new LocalnetCommand.Run(o, out).execute();
        } catch (Exception e) {
            err.println("masknode localnet: failed: " + e);
            return 1;
        }
    }

    /** One run, from keys and configs to the report. */
    private static final class Run {
        private final LocalnetOptions o;
        private final PrintStream out;
        private final List<NodeProcess> processes = new ArrayList<>();
        private Path dir;

        Run(LocalnetOptions o, PrintStream out) {
            this.o = o;
            this.out = out;
        }

        int execute() throws Exception {
            dir = Files.createTempDirectory("masknode-localnet-");
            String loadAtStart = loadAverage();
            NodeDaemon sinkDaemon = null;
            try {
                Topology topology = plan();
                // Measured once, here, before any node starts; every node then reads the result from its
                // data directory as a restarted appliance does. Three JVMs measuring at once on two cores
                // would each see the others' load, and could pick a slower backend (and take longer to start).
                SphinxEngines engines = SphinxEngines.select(dir, Map.of());
                FramingVersion framing = o.framing() == 8 ? FramingVersion.V8 : FramingVersion.V7;
                out.printf(Locale.ROOT, "localnet: %d layer(s) x %d node(s), sink in this process, %d pkt/s for %d s"
                                + " (+%.1f s warm-up), mean delay %.1f ms/hop, framing v%d, %d worker(s)/node, node JVMs -Xmx%s%n",
                        o.layers(), o.nodesPerLayer(), o.rate(), o.seconds(), o.warmupSeconds(), o.delayMs(), o.framing(),
                        o.workers(), o.nodeHeap());
                if (!o.mqtt().isEmpty()) out.printf("every node publishes MQTT telemetry to %s%n", o.mqtt());
                for (List<Topology.Member> layer : topology.layers()) {
                    for (Topology.Member m : layer) {
                        Path config = writeNodeFiles(m);
                        processes.add(NodeProcess.start(m.name(), config, dir.resolve(m.name()).resolve("node.log"), nodeJvmOptions()));
                    }
                }
                int warm = o.warmupPackets();
                int total = warm + o.measuredPackets();
                SinkRecorder recorder = new SinkRecorder(total);
                shareCryptoChoice(dir.resolve("sink"));
                sinkDaemon = NodeDaemon.builder(nodeConfig(topology.sink(), dir.resolve("sink")))
                        .keys(topology.sink().keys()).finalHopHandler(recorder).build();
                sinkDaemon.start();

                long t0 = System.nanoTime();
                int threads = Runtime.getRuntime().availableProcessors();
                out.printf("building %d packets (%d Sphinx hops each) on %d threads...%n", total, o.layers() + 1, threads);
                PacketFactory.Built built = PacketFactory.build(total, topology, o.delayMs() * 1e6, framing, o.seed(),
                        threads, engines, null);
                out.printf(Locale.ROOT, "built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
                for (NodeProcess p : processes) p.awaitReady(READY_TIMEOUT);
                Map<String, Long> cpuAtStart = new java.util.HashMap<>();
                Map<String, Long> receivedAtStart = new java.util.HashMap<>();

                TrafficSender.Sent warmSent;
                TrafficSender.Sent sent;
                int replayEvery = o.replays() == 0 ? 0 : Math.max(1, o.measuredPackets() / o.replays());
                int replayLag = Math.max(1, o.rate() / 10);   // about 100 ms after the original
                try (TrafficSender sender = new TrafficSender(topology.firstLayer().stream().map(Topology.Member::address).toList())) {
                    warmSent = warm > 0 ? sender.send(built, 0, warm, o.rate(), 0, 0) : null;
                    // Cold JVMs run the warm-up slower than they will run warm, and build a backlog; the
                    // measured part starts once that has drained, or it would measure the warm-up's debt.
                    if (warmSent != null) {
                        awaitDeliveries(recorder, warm, warmSent.lastNanos());
                        out.printf("warm-up: %d of %d delivered%n", recorder.delivered(), warm);
                    }
                    // CPU per packet is counted from here: start-up and most JIT compilation stay out of it.
                    for (NodeProcess p : processes) {
                        cpuAtStart.put(p.name(), p.cpuNanos());
                        receivedAtStart.put(p.name(), p.stats(STATS_TIMEOUT).getOrDefault("received", 0L));
                    }
                    sent = sender.send(built, warm, total, o.rate(), replayEvery, replayLag);
                }
                awaitDeliveries(recorder, total, sent.lastNanos());

                LocalnetReport report = new LocalnetReport(o, built, recorder, warm, total, sent);
                report.printTraffic(out);
                if (o.timeline()) report.printTimeline(out);
                long replaysRejected = 0;
                for (NodeProcess p : processes) {
                    Map<String, Long> s = p.stats(STATS_TIMEOUT);
                    long[] rss = p.rss();
                    replaysRejected += s.getOrDefault("replays", 0L);
                    long received = s.getOrDefault("received", 0L);
                    long measured = received - receivedAtStart.getOrDefault(p.name(), 0L);
                    long cpu = p.cpuNanos() - cpuAtStart.getOrDefault(p.name(), 0L);
                    out.printf(Locale.ROOT, "node %-10s pid %-7d RSS %5.1f MB (peak %5.1f MB)  received %d forwarded %d dropped %s"
                                    + "  CPU %.1f s = %.0f us/packet (measured part)%n",
                            p.name(), p.pid(), rss[0] / 1048576.0, rss[1] / 1048576.0, received,
                            s.getOrDefault("forwarded", 0L), StatsLine.drops(s), cpu / 1e9, measured == 0 ? 0 : cpu / 1e3 / measured);
                    out.printf(Locale.ROOT, "     %-10s heap used %.1f of %.1f MB, Netty direct buffers %.1f MB%n", "",
                            s.getOrDefault("heap_used", 0L) / 1048576.0, s.getOrDefault("heap_committed", 0L) / 1048576.0,
                            s.getOrDefault("netty_direct", 0L) / 1048576.0);
                }
                var sinkStats = sinkDaemon.metrics().snapshot();
                out.printf("sink: received %d, final hop %d, dropped %s%n", sinkStats.packetsReceived(),
                        sinkStats.finalHopPackets(), nonZero(sinkStats.droppedByReason()));
                out.printf("replays: injected %d, rejected %d%n", sent.replays(), replaysRejected);
                for (NodeProcess p : processes) p.stop(STATS_TIMEOUT);
                out.printf("machine: %d cores, load average %s at start, %s at end%n",
                        Runtime.getRuntime().availableProcessors(), loadAtStart, loadAverage());
                report.printSummary(out);
                boolean ok = report.lost() == 0 && recorder.duplicates() == 0 && recorder.corrupt() == 0
                        && replaysRejected == sent.replays();
                return ok ? 0 : 1;
            } finally {
                processes.forEach(NodeProcess::close);
                if (sinkDaemon != null) sinkDaemon.stop(Duration.ofMillis(200));
                if (o.keep()) out.println("kept " + dir);
                else deleteTree(dir);
            }
        }

        /** -Xmx and SerialGC as the appliance runs; MASKNODE_NODE_JAVA_OPTS adds more (e.g. for profiling). */
        private List<String> nodeJvmOptions() {
            List<String> opts = new ArrayList<>(List.of("-Xmx" + o.nodeHeap(), "-XX:+UseSerialGC"));
            String extra = System.getenv("MASKNODE_NODE_JAVA_OPTS");
            if (extra != null && !extra.isBlank()) opts.addAll(List.of(extra.strip().split("\\s+")));
            return opts;
        }

        /** Keys and free loopback ports for every node. */
        private Topology plan() throws IOException {
            SecureRandom random = new SecureRandom();
            int count = o.layers() * o.nodesPerLayer() + 1;
            int[] ports = freePorts(count);
            int next = 0;
            List<List<Topology.Member>> layers = new ArrayList<>();
            for (int l = 0; l < o.layers(); l++) {
                List<Topology.Member> layer = new ArrayList<>();
                for (int i = 0; i < o.nodesPerLayer(); i++) {
                    layer.add(member("mix-" + (l + 1) + "-" + i, ports[next++], random));
                }
                layers.add(layer);
            }
            return new Topology(layers, member("sink", ports[next], random));
        }

        private static Topology.Member member(String name, int port, SecureRandom random) {
            NodeKeys keys = new NodeKeys(IdentityKey.generate(random), SphinxKey.generate(1, random), null);
            return new Topology.Member(name, keys, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }

        private Path writeNodeFiles(Topology.Member m) throws Exception {
            Path nodeDir = dir.resolve(m.name());
            new KeyStore(nodeDir, new SecureRandom()).save(m.keys());
            shareCryptoChoice(nodeDir);
            Path file = nodeDir.resolve("masknode.toml");
            ConfigStore.writeFull(file, nodeConfig(m, nodeDir));
            return file;
        }

        /** Copies the backend choice measured at the start into a node's data directory (see execute). */
        private void shareCryptoChoice(Path nodeDir) throws IOException {
            Path measured = dir.resolve(CryptoSelector.CACHE_FILE);
            if (!Files.exists(measured)) {
                throw new IOException("the crypto measurement was not saved to " + measured + " (see the warning above)");
            }
            Files.createDirectories(nodeDir);
            Files.copy(measured, nodeDir.resolve(CryptoSelector.CACHE_FILE), StandardCopyOption.REPLACE_EXISTING);
        }

        private NodeConfig nodeConfig(Topology.Member m, Path nodeDir) {
            long runSeconds = (long) Math.ceil(o.seconds() + o.warmupSeconds()) + 60;
            NodeConfig config = NodeConfig.defaults()
                    .with(NODE_NAME, m.name())
                    .with(NODE_DATA_DIR, nodeDir.toString())
                    .with(MIX_BIND_HOST, "127.0.0.1")
                    .with(MIX_PORT, m.address().getPort())
                    .with(MIX_ALLOW_PRIVATE_NEXT_HOPS, true)
                    .with(MIX_FRAMING_VERSION, o.framing())
                    .with(MIX_RECONNECT_INITIAL, Duration.ofMillis(100))
                    .with(LIMIT_WORKER_THREADS, o.workers())
                    .with(LIMIT_IO_THREADS, 1)
                    .with(LIMIT_SHUTDOWN_GRACE, Duration.ofSeconds(1))
                    .with(REPLAY_EXPECTED_RATE, o.rate() + o.replays())
                    .with(REPLAY_KEY_LIFETIME, Duration.ofMinutes(Math.max(1, (runSeconds + 59) / 60)))
                    .with(REPLAY_SAVE_INTERVAL, Duration.ofHours(1));
            return o.mqtt().isEmpty() ? config : config.with(MQTT_ENABLED, true).with(MQTT_URL, o.mqtt());
        }

        /** Waits until everything arrived, or nothing more can be expected. */
        private void awaitDeliveries(SinkRecorder recorder, int total, long lastSendNanos) throws InterruptedException {
            // Exponential delays: with this many packets the largest of L delays stays far below 40 means per hop.
            long patience = (long) (o.layers() * 40 * o.delayMs() * 1e6) + 5_000_000_000L;
            long deadline = lastSendNanos + Math.min(patience, 10_000_000_000L * o.layers() + 5_000_000_000L);
            while (recorder.delivered() < total && System.nanoTime() - deadline < 0) Thread.sleep(20);
        }

        private static int[] freePorts(int n) throws IOException {
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                int[] ports = new int[n];
                for (int i = 0; i < n; i++) {
                    ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    sockets.add(s);
                    ports[i] = s.getLocalPort();
                }
                return ports;
            } finally {
                for (ServerSocket s : sockets) s.close();
            }
        }
    }

    /** The 1-minute load average from /proc/loadavg, or "?" off Linux. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static Map<String, Long> nonZero(Map<String, Long> counts) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        counts.forEach((k, v) -> { if (v > 0) out.put(k, v); });
        return out;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary directory; the OS cleans up eventually
        }
    }
}
