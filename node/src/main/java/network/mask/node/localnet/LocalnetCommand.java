package network.mask.node.localnet;

import static network.mask.node.config.ConfigSchema.*;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import network.mask.node.noise.NoiseKeyPair;
import network.mask.node.noise.NoiseKeyStore;
import network.mask.node.noise.VersionedNoiseKey;
import network.mask.node.nymapi.NodeRole;
import network.mask.node.nymapi.NymApiClient;
import network.mask.node.nymapi.NymApiHttp;
import network.mask.node.nymapistandin.EpochClock;
import network.mask.node.nymapistandin.HttpNodeDescriber;
import network.mask.node.nymapistandin.NymApiStandIn;
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
    /** The local mixnet's Noise handshake deadline (see nodeConfig); nym-node's is 1.5 s. */
    static final Duration LOCAL_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("network.mask.node");

    /** The usage text, for {@code masknode localnet --help}. */
    public static final String HELP = LocalnetOptions.HELP;

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
        /** The local nym-api (with --epoch-seconds), else null; started once the nodes are up, on {@link #standInPort}. */
        private NymApiStandIn standIn;
        private int standInPort;
        /** With --noise: every node's Noise key pair, by name (the sink's too); else empty. */
        private final Map<String, NoiseKeyPair> noiseKeys = new java.util.HashMap<>();
        /** With --noise: every node's mix address and Noise key, the local topology's Noise view. */
        private final Map<InetSocketAddress, VersionedNoiseKey> noiseView = new java.util.LinkedHashMap<>();

        Run(LocalnetOptions o, PrintStream out) {
            this.o = o;
            this.out = out;
        }

        int execute() throws Exception {
            dir = Files.createTempDirectory("masknode-localnet-");
            String loadAtStart = loadAverage();
            NodeDaemon sinkDaemon = null;
            NymApiClient client = null;
            FollowingBuilder following = null;
            try {
                if (o.epochSeconds() > 0) standInPort = LoopbackPorts.free(1)[0];
                Topology topology = plan();
                // Measured once, here, before any node starts; every node then reads the result from its
                // data directory as a restarted appliance does. Three JVMs measuring at once on two cores
                // would each see the others' load, and could pick a slower backend (and take longer to start).
                SphinxEngines engines = SphinxEngines.select(dir, Map.of());
                FramingVersion framing = o.framing() == 8 ? FramingVersion.V8 : FramingVersion.V7;
                out.printf(Locale.ROOT, "localnet: %d layer(s) x %d node(s), sink in this process, %d pkt/s for %d s"
                                + " (+%.1f s warm-up), mean delay %.1f ms/hop, framing v%d, %d worker(s)/node, node JVMs -Xmx%s, %s%n",
                        o.layers(), o.nodesPerLayer(), o.rate(), o.seconds(), o.warmupSeconds(), o.delayMs(), o.framing(),
                        o.workers(), o.nodeHeap(), o.noise() ? "Noise links (XKpsk3, every hop and the sink)" : "plain TCP links");
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
                NodeDaemon.Builder sinkBuilder = NodeDaemon.builder(nodeConfig(topology.sink(), dir.resolve("sink")))
                        .keys(topology.sink().keys()).finalHopHandler(recorder);
                if (o.noise()) sinkBuilder.noiseKey(noiseKeys.get(topology.sink().name()));
                sinkDaemon = sinkBuilder.build();
                sinkDaemon.noisePeers().replace(noiseView);
                sinkDaemon.start();

                long t0 = System.nanoTime();
                int threads = Runtime.getRuntime().availableProcessors();
                PacketFactory.Built built;
                if (standInPort == 0) {
                    out.printf("building %d packets (%d Sphinx hops each) on %d threads...%n", total, o.layers() + 1, threads);
                    built = PacketFactory.build(total, topology, o.delayMs() * 1e6, framing, o.seed(), threads, engines, null);
                    out.printf(Locale.ROOT, "built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
                    for (NodeProcess p : processes) p.awaitReady(READY_TIMEOUT);
                } else {
                    for (NodeProcess p : processes) p.awaitReady(READY_TIMEOUT);
                    // Epochs start now, with every node up: a slow start must not eat into the rotations the keys cover.
                    standIn = startStandIn(standInPort);
                    out.printf(Locale.ROOT, "nym-api stand-in at %s: epochs of %d s, a key rotation every %d epochs (now rotation %d)%n",
                            standIn.baseUrl(), o.epochSeconds(), o.validityEpochs(), standIn.clock().currentRotationId());
                    describeAll(topology);
                    client = new NymApiClient(new NymApiHttp(List.of(standIn.baseUrl()), Duration.ofSeconds(5), "masknode-localnet"));
                    built = new PacketFactory.Built(total);
                    following = new FollowingBuilder(built, topology, client, o.delayMs() * 1e6, o.seed(), threads, engines, o.rate(),
                            o.epochSeconds() - 1);
                    out.printf("building %d packets (%d Sphinx hops each) while sending, from the stand-in's topology%n",
                            total, o.layers() + 1);
                }
                Map<String, Long> cpuAtStart = new java.util.HashMap<>();
                Map<String, Long> receivedAtStart = new java.util.HashMap<>();

                TrafficSender.Sent warmSent;
                TrafficSender.Sent sent;
                int replayEvery = o.replays() == 0 ? 0 : Math.max(1, o.measuredPackets() / o.replays());
                int replayLag = Math.max(1, o.rate() / 10);   // about 100 ms after the original
                long rotationAtStart = standIn == null ? 0 : standIn.clock().currentRotationId();
                List<byte[]> firstLayerNoise = !o.noise() ? List.of()
                        : topology.firstLayer().stream().map(m -> noiseKeys.get(m.name()).publicKey()).toList();
                try (TrafficSender sender = new TrafficSender(topology.firstLayer().stream().map(Topology.Member::address).toList(),
                        firstLayerNoise)) {
                    if (following != null) following.start(() -> sender.position);
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
                    if (following != null) {
                        if (following.failure() != null) throw following.failure();
                        out.printf("sender: read the topology %d times, saw the served keys change %d times, rebuilt %d unsent packets"
                                        + " after rotations, waited for the builder %d times%n",
                                following.topologyReads(), following.keyChanges(), following.rebuilt(), sender.waitedForBuilder);
                    }
                }
                long rotations = standIn == null ? -1 : standIn.clock().currentRotationId() - rotationAtStart;
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
                    if (o.noise()) {
                        out.printf(Locale.ROOT, "     %-10s Noise handshakes in %d, out %d; failed %d, timed out %d; links closed for bad frames %d%n", "",
                                s.getOrDefault("event.noise_handshakes_inbound", 0L), s.getOrDefault("event.noise_handshakes_outbound", 0L),
                                s.getOrDefault("event.noise_handshake_failed", 0L), s.getOrDefault("event.noise_handshake_timeout", 0L),
                                s.getOrDefault("event.noise_link_closed_bad_frame", 0L));
                    }
                }
                var sinkStats = sinkDaemon.metrics().snapshot();
                out.printf("sink: received %d, final hop %d, dropped %s%n", sinkStats.packetsReceived(),
                        sinkStats.finalHopPackets(), nonZero(sinkStats.droppedByReason()));
                out.printf("replays: injected %d, rejected %d%n", sent.replays(), replaysRejected);
                for (NodeProcess p : processes) p.stop(STATS_TIMEOUT);
                out.printf("machine: %d cores, load average %s at start, %s at end%n",
                        Runtime.getRuntime().availableProcessors(), loadAtStart, loadAverage());
                report.printSummary(out, rotations);
                boolean ok = report.lost() == 0 && recorder.duplicates() == 0 && recorder.corrupt() == 0
                        && replaysRejected == sent.replays();
                return ok ? 0 : 1;
            } finally {
                if (following != null) following.close();
                if (client != null) client.close();
                processes.forEach(NodeProcess::close);
                if (standIn != null) standIn.close();
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
            int[] ports = LoopbackPorts.free(count * 2);   // mix ports, then API ports (used with the stand-in)
            int next = 0;
            List<List<Topology.Member>> layers = new ArrayList<>();
            for (int l = 0; l < o.layers(); l++) {
                List<Topology.Member> layer = new ArrayList<>();
                for (int i = 0; i < o.nodesPerLayer(); i++) {
                    layer.add(member("mix-" + (l + 1) + "-" + i, ports[next], ports[count + next], random));
                    next++;
                }
                layers.add(layer);
            }
            Topology topology = new Topology(layers, member("sink", ports[next], 0, random));
            if (o.noise()) {
                // Every node (and the sink, which plays the gateway) announces a Noise key to all the others.
                List<Topology.Member> all = new ArrayList<>();
                topology.layers().forEach(all::addAll);
                all.add(topology.sink());
                for (Topology.Member m : all) {
                    NoiseKeyPair k = NoiseKeyPair.generate(random);
                    noiseKeys.put(m.name(), k);
                    noiseView.put(m.address(), new VersionedNoiseKey(1, k.publicKey()));
                }
            }
            return topology;
        }

        /**
         * Without a nym-api, one key with rotation id 1. With the stand-in, a key for the network's current
         * rotation R and the next one pre-announced (R+1), as a node keeps them one epoch before a rotation;
         * from there each node's key-rotation controller keeps in step with the stand-in's epochs.
         */
        private Topology.Member member(String name, int port, int apiPort, SecureRandom random) {
            boolean network = standInPort != 0;   // the stand-in's epochs start in rotation 1 (see startStandIn)
            NodeKeys keys = new NodeKeys(IdentityKey.generate(random), SphinxKey.generate(1, random),
                    network ? SphinxKey.generate(2, random) : null);
            return new Topology.Member(name, keys, new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    network ? apiPort : 0);
        }

        /**
         * How often a node asks the stand-in again: a tenth of an epoch (at least 1 s, the config's floor), so
         * the rotation controller's copy of the schedule is never stale enough to look stuck.
         */
        private Duration topologyRefresh() {
            return Duration.ofMillis(Math.max(1000, o.epochSeconds() * 100L));
        }

        /** Epochs start now; the first is the first of rotation 1 (rotation 0 is "unknown" in a v8 frame). */
        private NymApiStandIn startStandIn(int port) throws IOException {
            java.time.Clock clock = java.time.Clock.systemUTC();
            Duration epoch = Duration.ofSeconds(o.epochSeconds());
            EpochClock epochs = new EpochClock(clock.instant().minus(epoch.multipliedBy(o.validityEpochs())), epoch,
                    o.validityEpochs(), 0, clock);
            return new NymApiStandIn(epochs, new HttpNodeDescriber(true), 100, port).start();
        }

        /** Registers every mix node with the stand-in (layer by layer) and waits until it described them all. */
        private void describeAll(Topology topology) throws Exception {
            int count = 0;
            for (int l = 0; l < topology.layers().size(); l++) {
                for (Topology.Member m : topology.layers().get(l)) {
                    standIn.register(java.net.URI.create("http://127.0.0.1:" + m.apiPort()), NodeRole.ofLayer(Math.min(3, l + 1)));
                    count++;
                }
            }
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (standIn.describedCount() < count) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("the stand-in described " + standIn.describedCount() + " of " + count + " nodes; see their logs");
                }
                Thread.sleep(200);
                standIn.describeAll();
            }
        }

        private Path writeNodeFiles(Topology.Member m) throws Exception {
            Path nodeDir = dir.resolve(m.name());
            new KeyStore(nodeDir, new SecureRandom()).save(m.keys());
            if (o.noise()) {
                new NoiseKeyStore(nodeDir, new SecureRandom()).save(noiseKeys.get(m.name()));
                NoisePeersFile.write(nodeDir, noiseView);
            }
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
                    .with(REPLAY_SAVE_INTERVAL, Duration.ofHours(1))
                    .with(NOISE_ENABLED, o.noise())
                    // The nodes share the machine with the sender, the sink and the packet builder: on two busy cores a
                    // node can miss nym's 1.5 s while its peer has finished, and the link drops mid-run. The protocol is
                    // unchanged; only this local deadline is roomier (the node's default and its tests keep 1.5 s).
                    .with(NOISE_HANDSHAKE_TIMEOUT, LOCAL_HANDSHAKE_TIMEOUT);
            if (standInPort != 0 && m.apiPort() > 0) {
                config = config.with(API_BIND_HOST, "127.0.0.1").with(API_PORT, m.apiPort())
                        .with(MIX_ANNOUNCE_HOST, "127.0.0.1")
                        .with(NODE_ACCEPTED_OPERATOR_TERMS, true)
                        .with(NET_NYM_API_URLS, "http://127.0.0.1:" + standInPort + "/api/")
                        .with(NET_TOPOLOGY_REFRESH, topologyRefresh())
                        .with(NET_UNKNOWN_NODE_LOOKUP, Duration.ofSeconds(1));
            } else {
                config = config.with(NET_NYM_API_URLS, "");   // the sink (this process), or no stand-in: ask no nym-api
            }
            return o.mqtt().isEmpty() ? config : config.with(MQTT_ENABLED, true).with(MQTT_URL, o.mqtt());
        }

        /** Waits until everything arrived, or nothing more can be expected. */
        private void awaitDeliveries(SinkRecorder recorder, int total, long lastSendNanos) throws InterruptedException {
            // Exponential delays: with this many packets the largest of L delays stays far below 40 means per hop.
            long patience = (long) (o.layers() * 40 * o.delayMs() * 1e6) + 5_000_000_000L;
            long deadline = lastSendNanos + Math.min(patience, 10_000_000_000L * o.layers() + 5_000_000_000L);
            while (recorder.delivered() < total && System.nanoTime() - deadline < 0) Thread.sleep(20);
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
