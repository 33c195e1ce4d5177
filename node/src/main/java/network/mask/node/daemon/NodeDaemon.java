package network.mask.node.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import network.mask.node.config.ConfigStore;
import network.mask.node.config.NodeConfig;
import network.mask.node.incoming.FirstFrameWitness;
import network.mask.node.incoming.ListenerSettings;
import network.mask.node.incoming.MixListener;
import network.mask.node.keys.Base58;
import network.mask.node.keys.IdentityKey;
import network.mask.node.keys.KeyFileException;
import network.mask.node.keys.KeyStore;
import network.mask.node.keys.NodeKeys;
import network.mask.node.keys.SphinxKey;
import network.mask.node.metrics.MetricsSource;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.net.NettyTransport;
import network.mask.node.nymapi.NetworkDirectory;
import network.mask.node.nymapi.NetworkStatus;
import network.mask.node.rotation.RotationSchedule;
import network.mask.node.rotation.RotationScheduleSource;
import network.mask.node.topology.KnownNodes;
import network.mask.node.topology.NoisePeers;
import network.mask.node.noise.NoiseKeyPair;
import network.mask.node.noise.NoiseKeyStore;
import network.mask.node.noise.GcmSource;
import network.mask.node.noiselink.NoiseLinks;
import network.mask.node.topology.RoutingFilter;
import network.mask.node.outgoing.Backoff;
import network.mask.node.budget.MemoryBudget;
import network.mask.node.storage.LeftoverTemps;
import network.mask.node.metrics.Event;
import network.mask.node.pressure.PressureLog;
import network.mask.node.net.SourceNetwork;
import network.mask.node.outgoing.EgressBudget;
import network.mask.node.outgoing.EgressRouter;
import network.mask.node.outgoing.EgressSettings;
import network.mask.node.outgoing.NextHopPolicy;
import network.mask.node.replay.BloomSizing;
import network.mask.node.replay.ReplayFilters;
import network.mask.node.replay.ReplaySizingPolicy;
import network.mask.node.rotation.KeyRing;
import network.mask.node.rotation.RotationController;
import network.mask.node.keys.ActiveKeys;
import network.mask.node.scheduler.DelayScheduler;
import network.mask.node.sphinx.SphinxEngines;
import network.mask.node.worker.CryptoWorkerPool;
import network.mask.node.worker.FinalHopHandler;
import network.mask.node.worker.HopEngine;
import network.mask.node.worker.IngressQueue;
import network.mask.node.worker.WorkerSettings;
import network.mask.node.wire.FramingVersion;

/**
 * The mixnode: listener, crypto workers, delay scheduler and next-hop links around one set of
 * keys and replay filters, plus any {@link NodeService}s. This is the composition point the rest
 * of the firmware (API, telemetry, board, setup page, systemd) plugs into.
 */
public final class NodeDaemon {

    private static final System.Logger LOG = System.getLogger(NodeDaemon.class.getName());
    /** Approximate heap cost of one held 2413-byte packet with its bookkeeping. */
    private static final int HELD_PACKET_BYTES = 2600;
    /** How often freed native memory is handed back to the OS (see {@link NativeHeapTrimmer}). */
    private static final long TRIM_SECONDS = 1;

    private final NodeConfig config;
    private final ActiveKeys keys;
    private final Supplier<HopEngine> engines;
    private final FinalHopHandler finalHops;
    private final List<NodeService> services;
    private final MixMetrics metrics;
    private final ReplayFilters replay;
    private final CountDownLatch listening = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private final List<NodeService> started = new ArrayList<>();
    private final ConfigStore configStore;
    private final RotationController rotation;
    private volatile boolean replayStateSaved;
    /** Next hops the node may forward to; filled by the nym-api client ({@link NetworkWiring}) when wired. */
    private final KnownNodes knownNodes = new KnownNodes();
    /** Nodes that announce a Noise key; filled by the nym-api client, or by the local mixnet. */
    private final NoisePeers noisePeers = new NoisePeers();
    /** This node's Noise key; null when {@code [noise] enabled = false}. */
    private final NoiseKeyPair noiseKey;
    private volatile NetworkDirectory network;

    private NettyTransport transport;
    private EgressRouter egress;
    private DelayScheduler scheduler;
    private CryptoWorkerPool workers;
    private MixListener listener;
    /** Told of each inbound connection's first valid frame (the reachability log); set before start. */
    private volatile FirstFrameWitness firstFrames = FirstFrameWitness.NONE;
    private ScheduledExecutorService housekeeping;
    private volatile InetSocketAddress boundAddress;
    private volatile boolean running;
    private volatile boolean stopping;

    private NodeDaemon(Builder b, NodeKeys keys, KeyStore store, NoiseKeyPair noiseKey) {
        this.noiseKey = noiseKey;
        this.config = b.config;
        this.keys = new ActiveKeys(keys);
        this.engines = b.engines;
        this.finalHops = b.finalHops;
        this.services = new ArrayList<>(b.services);
        this.metrics = new MixMetrics(b.clock);
        // Key rotation (network.mask.node.rotation): filters sized as nym-node sizes them, capped for a 1 GB board.
        ReplaySizingPolicy sizing = new ReplaySizingPolicy(config.replay().falsePositiveRate(), config.replay().expectedRate(),
                (long) config.replay().maxFilterMib() << 20);
        // Without an explicit source, the schedule is the nym-api client's, once NetworkWiring attaches it.
        RotationScheduleSource schedule = b.schedule != null ? b.schedule : () -> rotationSchedule().latest();
        BloomSizing atStart = sizing.atStart(schedule.latest()
                .map(s -> s.epochDuration().multipliedBy(s.validityEpochs() + 1)).orElse(config.replay().keyLifetime()));
        this.replay = new ReplayFilters(config.node().dataDir(), atStart, metrics, b.clock);
        this.rotation = new RotationController(b.clock, schedule,
                new KeyRing(store, this.keys, replay, sizing, new SecureRandom()), metrics, RotationController.DEFAULT_POLL);
        this.configStore = new ConfigStore(config);
    }

    public static Builder builder(NodeConfig config) {
        return new Builder(config);
    }

    /** Assembles a daemon. Only {@link #build} touches the disk (keys). */
    public static final class Builder {
        private final NodeConfig config;
        private Supplier<HopEngine> engines;
        private FinalHopHandler finalHops;
        private final List<NodeService> services = new ArrayList<>();
        private NodeKeys keys;
        private NoiseKeyPair noiseKey;
        private Clock clock = Clock.systemUTC();
        /** Null: the nym-api client's schedule when wired ({@link NetworkWiring}), else none. */
        private RotationScheduleSource schedule;

        private Builder(NodeConfig config) {
            this.config = config;
        }

        /**
         * The Sphinx engine per worker thread. Default: the real engine with the crypto backends
         * measured fastest on this machine (cached in the data directory) and the config's overrides.
         */
        public Builder hopEngines(Supplier<HopEngine> engines) {
            this.engines = engines;
            return this;
        }

        /** Makes this node a sink that takes final-hop packets (the local mixnet's), instead of dropping them. */
        public Builder finalHopHandler(FinalHopHandler handler) {
            this.finalHops = handler;
            return this;
        }

        /** Adds a service started after the mix listener, in order of adding. */
        public Builder service(NodeService service) {
            services.add(service);
            return this;
        }

        /** Uses these keys instead of those in the data directory. */
        public Builder keys(NodeKeys keys) {
            this.keys = keys;
            return this;
        }

        /** Uses this Noise key instead of the one in the data directory (ignored when Noise is off). */
        public Builder noiseKey(NoiseKeyPair key) {
            this.noiseKey = key;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Where the network's key-rotation schedule comes from. Default: the nym-api client's once
         * {@link NetworkWiring} attaches it; with no nym-api configured, none, so the Sphinx keys stay as they are.
         */
        public Builder rotationSchedule(RotationScheduleSource source) {
            this.schedule = source;
            return this;
        }

        /** Loads the keys (generating them on first start, mode 0600) and builds the daemon. */
        public NodeDaemon build() throws IOException, KeyFileException {
            // The data directory (config, crypto cache, restore staging) and the config file's own directory;
            // keys/ and replay/ are cleaned by their stores, admin/ by the appliance.
            Path configDir = config.source() == null ? null : config.source().toAbsolutePath().getParent();
            LeftoverTemps.removeAll(java.util.Arrays.asList(config.node().dataDir(), configDir));
            KeyStore store = new KeyStore(config.node().dataDir(), new SecureRandom());
            // A first key takes the network's current rotation id when it is known (as nym-node's does).
            NodeKeys k = keys != null ? keys
                    : store.loadOrCreate(schedule == null ? 1L
                            : schedule.latest().map(RotationSchedule::currentRotationId).orElse(1L));
            // The Noise key is made at first start like the others (0600, atomic); none when Noise is off.
            NoiseKeyPair noise = !config.noise().enabled() ? null
                    : noiseKey != null ? noiseKey : new NoiseKeyStore(config.node().dataDir(), new SecureRandom()).loadOrCreate();
            return new NodeDaemon(this, k, store, noise);
        }
    }

    /**
     * Adds a service before {@link #start}. Services added later are refused: they would miss
     * the start order the others rely on.
     */
    public void addService(NodeService service) {
        synchronized (lifecycle) {
            if (running || stopping) throw new IllegalStateException("add services before start()");
            services.add(service);
        }
    }

    /** Who to tell of each inbound connection's first valid frame, with the peer's address (the reachability log). */
    public void witnessFirstFrames(FirstFrameWitness witness) {
        this.firstFrames = java.util.Objects.requireNonNull(witness);
    }

    /**
     * Loads replay state, opens the mix port and starts the pipeline, then the services. If the
     * pipeline cannot start (e.g. the port is taken), whatever did start is stopped again.
     */
    public void start() throws Exception {
        try {
            startPipeline();
        } catch (Exception | Error e) {
            stop(Duration.ZERO);
            throw e;
        }
        startServices();
    }

    private void startPipeline() throws Exception {
        synchronized (lifecycle) {
            if (running || stopping) throw new IllegalStateException("already started");
            NodeConfig.Limits limits = config.limits();
            NodeConfig.Mixnet mix = config.mixnet();
            replay.retain(keys.get().sphinxKeys().stream().map(SphinxKey::rotationId).collect(Collectors.toSet()));
            replay.startJournal(config.replay().journalInterval());
            rotation.recoverAtLoad();

            int ioThreads = limits.ioThreads() > 0 ? limits.ioThreads() : NettyTransport.defaultIoThreads();
            transport = NettyTransport.create(ioThreads, "mix-io", true);
            MemoryBudget budget = MemoryBudget.of(limits, Runtime.getRuntime().maxMemory());
            // One measured choice of crypto backends for the Sphinx workers and the Noise links' AES-GCM.
            SphinxEngines crypto = engines != null ? SphinxEngines.preferred()
                    : SphinxEngines.select(config.node().dataDir(), config.crypto().overrides());   // logs its choice
            NoiseLinks noise = noiseKey == null ? null
                    : new NoiseLinks(noiseKey, noisePeers, config.noise().handshakeTimeout(), metrics,
                            GcmSource.perThread(crypto.crypto()::newAesGcm));
            if (noise != null) {
                LOG.log(System.Logger.Level.INFO, "Noise links on: key " + noiseKeyBase58().orElse("") + ", crypto warmed up in "
                        + noise.warmUp() + " ms");
            }
            egress = new EgressRouter(transport, new EgressSettings(
                    mix.framingVersion() == 8 ? FramingVersion.V8 : FramingVersion.V7,
                    limits.egressQueuePerPeer(), limits.maxPeers(), mix.connectTimeout(),
                    new Backoff(mix.reconnectInitial(), mix.reconnectMax()), limits.peerIdleClose(),
                    new NextHopPolicy(mix.allowPrivateNextHops())),
                    new EgressBudget(budget.egressBytes(), budget.egressPerPeerBytes(), budget.egressMaxAge()), metrics,
                    new RoutingFilter(knownNodes, mix.allowPrivateNextHops()), noise);
            // The scheduler runs on an I/O loop, so a due packet is written without another thread hand-off.
            scheduler = new DelayScheduler(egress, transport.group().next(), mix.timerGranularity(), maxPending(limits),
                    budget.heldBytes(), metrics);
            Supplier<HopEngine> hopEngines = engines != null ? engines : () -> crypto.processor()::process;
            IngressQueue ingress = new IngressQueue(limits.ingressQueue(), budget.ingressBytes());
            int threads = limits.workerThreads() > 0 ? limits.workerThreads() : Runtime.getRuntime().availableProcessors();
            workers = new CryptoWorkerPool(ingress, hopEngines, keys, replay::guard, scheduler, finalHops, metrics,
                    new WorkerSettings(threads, mix.maxDelay().toNanos()));
            workers.start();
            listener = new MixListener(transport, new ListenerSettings(mix.bindHost(), mix.port(),
                    limits.maxConnections(), limits.maxConnectionsPerIp(), limits.idleTimeout(), limits.frameTimeout(),
                    limits.maxFrameBytes(), limits.maxConnectionsPerNetwork(),
                    new SourceNetwork(limits.sourcePrefixIpv4(), limits.sourcePrefixIpv6())), ingress, metrics,
                    source -> firstFrames.firstFrameFrom(source), noise);
            boundAddress = listener.bind();

            housekeeping = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("housekeeping").daemon().factory());
            long every = config.replay().saveInterval().toMillis();
            housekeeping.scheduleWithFixedDelay(() -> saveReplayState(), every, every, TimeUnit.MILLISECONDS);
            PressureLog pressure = new PressureLog(metrics);
            housekeeping.scheduleWithFixedDelay(pressure::check, 60, 60, TimeUnit.SECONDS);
            if (NativeHeapTrimmer.available()) {
                housekeeping.scheduleWithFixedDelay(NativeHeapTrimmer::trim, TRIM_SECONDS, TRIM_SECONDS, TimeUnit.SECONDS);
            }
            rotation.start();
            running = true;
            listening.countDown();
            LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                    "mixnode up: identity %s, sphinx key %s, %d crypto workers, replay filters %d KiB off-heap, at most %d held packets",
                    keys.get().identity().publicKeyBase58(), keys.get().primary().publicKeyBase58(), threads,
                    replay.memoryBytes() >> 10, maxPending(limits)));
            LOG.log(System.Logger.Level.INFO, "memory budget: " + budget.describe());
        }
    }

    private void startServices() {
        synchronized (lifecycle) {
            for (NodeService s : services) {
                try {
                    s.start();
                    started.add(s);
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.ERROR, "service " + s.name() + " failed to start; the mixnode keeps running", e);
                }
            }
        }
    }

    private static int maxPending(NodeConfig.Limits limits) {
        if (limits.maxPendingPackets() > 0) return limits.maxPendingPackets();
        return (int) Math.max(1000, Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 2 / HELD_PACKET_BYTES));
    }

    /** Waits until the mix port is open and returns its address. */
    public InetSocketAddress awaitListening(Duration timeout) throws InterruptedException {
        if (!listening.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("mix listener not up after " + timeout);
        }
        return boundAddress;
    }

    /**
     * Graceful stop: stops services, stops accepting, finishes queued packets and sends those due
     * within {@code grace}; the rest are counted as "shutdown" drops. Saves the replay state.
     * Safe to call more than once and from a shutdown hook.
     */
    public void stop(Duration grace) {
        synchronized (lifecycle) {
            if (stopping) return;
            stopping = true;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            for (int i = started.size() - 1; i >= 0; i--) {
                NodeService s = started.get(i);
                try {
                    s.stop();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "service " + s.name() + " failed to stop cleanly", e);
                }
            }
            rotation.close();
            if (listener != null) listener.stopAccepting();
            if (workers != null) workers.stop(deadline);
            int held = scheduler == null ? 0 : scheduler.stop(deadline);
            int queued = egress == null ? 0 : egress.shutdown(deadline);
            if (housekeeping != null) housekeeping.shutdownNow();
            replayStateSaved = saveReplayState();
            LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                    "mixnode stopped; %d held and %d queued packets were not sent in the %d ms grace", held, queued, grace.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            if (transport != null) transport.shutdown(Duration.ofSeconds(2));
            replay.close();
            stopped.countDown();
        }
    }

    /** Blocks until {@link #stop} has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Saves the replay filters; a failure is logged and counted (replay_state_save_failed), never hidden. */
    private boolean saveReplayState() {
        try {
            replay.saveAll();
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "could not save replay state (" + e.getMessage() + "): the previous save and"
                    + " the journal since it are kept. If the disk is full, free space on it.");
            return false;
        }
    }

    /** Whether the replay state was saved when the node stopped (false before a stop, or if that save failed). */
    public boolean replayStateSavedAtStop() {
        return replayStateSaved;
    }

    /** Key rotation in step with the network: what it plans next. */
    public RotationController rotation() {
        return rotation;
    }

    /** The replay filters and their journal. */
    public ReplayFilters replayFilters() {
        return replay;
    }

    /** Whether the mix pipeline is up and its threads alive: what a watchdog should check. */
    public boolean healthy() {
        return running && !stopping && listener != null && listener.isListening()
                && workers.allAlive() && scheduler.isAlive();
    }

    /** Counts an event that a service outside the mix pipeline saw (e.g. an oversized MQTT message). */
    public void count(Event event) {
        metrics.event(event);
    }

    /** Counters and gauges for the API, telemetry, LEDs and dashboard. */
    public MetricsSource metrics() {
        return metrics;
    }

    /** The keys now (they change as Sphinx keys rotate). */
    public NodeKeys keys() {
        return keys.get();
    }

    /** The identity key: its public key (base58) names the node; it signs the node's self-description. */
    public IdentityKey identity() {
        return keys.get().identity();
    }

    public NodeConfig config() {
        return config;
    }

    /** Saves configuration changes to this node's config file (applied at the next start). */
    public ConfigStore configStore() {
        return configStore;
    }

    /** The IP addresses of known nodes: the only public next hops packets are forwarded to. */
    public KnownNodes knownNodes() {
        return knownNodes;
    }

    /** The Noise keys of the nodes this node knows; Noise links are chosen from it at every connection. */
    public NoisePeers noisePeers() {
        return noisePeers;
    }

    /** This node's Noise public key in base58, as announced in its host information; empty when Noise is off. */
    public java.util.Optional<String> noiseKeyBase58() {
        return noiseKey == null ? java.util.Optional.empty()
                : java.util.Optional.of(Base58.encode(noiseKey.publicKey()));
    }

    /** Called by {@link NetworkWiring} before start. */
    void attachNetwork(NetworkDirectory directory) {
        this.network = directory;
    }

    /**
     * The network's rotation schedule, from nym-api (live, else the last-known-good copy), which the
     * key-rotation controller follows. Empty when nym-api is not wired ({@code nym_api_urls = ""}).
     */
    public RotationScheduleSource rotationSchedule() {
        NetworkDirectory d = network;
        return d != null ? d : java.util.Optional::<RotationSchedule>empty;
    }

    /**
     * HOOK for the key-rotation controller (after a pre-announce or swap) and the setup page (after an
     * address change): asks nym-api to describe this node again now. Does nothing when nym-api is not wired.
     */
    public void announcementChanged() {
        NetworkDirectory d = network;
        if (d != null) d.announcementChanged();
    }

    /** What the node knows of the network and of itself in nym-api's directory; empty when nym-api is not wired. */
    public java.util.Optional<NetworkStatus> networkStatus() {
        return java.util.Optional.ofNullable(network);
    }

    /** The bound mix address, or null before start. */
    public InetSocketAddress mixAddress() {
        return boundAddress;
    }
}
