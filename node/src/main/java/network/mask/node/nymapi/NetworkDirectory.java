package network.mask.node.nymapi;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import network.mask.node.keys.IdentityKey;
import network.mask.node.rotation.RotationSchedule;
import network.mask.node.rotation.RotationScheduleSource;
import network.mask.node.noise.VersionedNoiseKey;
import network.mask.node.topology.KnownNodes;
import network.mask.node.topology.NoisePeers;

/**
 * Keeps the node's picture of the network current: reads the schedule, node list and rewarded set
 * from nym-api every {@code refreshInterval} (nym-node: 10 min, {@code nym-node/src/config/mod.rs}),
 * retries with jittered backoff while no nym-api answers, falls back to the last-known-good copy on
 * disk, looks up unknown next hops in batches, and asks nym-api to describe this node again at start
 * and whenever what it announces changes. All of it on one timer thread of its own; the packet path
 * only reads {@link KnownNodes}.
 */
public final class NetworkDirectory implements RotationScheduleSource, NetworkStatus, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(NetworkDirectory.class.getName());
    /** How often the announced state is compared with what nym-api was last asked to describe. */
    private static final Duration ANNOUNCE_CHECK = Duration.ofSeconds(5);
    private static final int LOOKUP_BATCH = 100;
    private static final Duration DESCRIBE_RETRY = Duration.ofSeconds(61);
    /**
     * Reward parameters change once an interval (a month) and a bond rarely; the bonded list is the
     * largest answer nym-api gives, so it is read at most this often rather than at every refresh.
     */
    static final Duration REWARD_INPUTS_REFRESH = Duration.ofHours(1);

    /**
     * @param refreshInterval full refresh of schedule, nodes and rewarded set
     * @param lookupInterval how often queued unknown next hops are looked up (nym-node: 5 min)
     * @param retryInitial first pause after a failed refresh; doubles up to {@code refreshInterval}, jittered
     */
    public record Settings(Duration refreshInterval, Duration lookupInterval, Duration retryInitial) {}

    private final NymApiClient client;
    private final LastKnownGood lastKnownGood;
    private final KnownNodes known;
    private final NoisePeers noisePeers;
    private final IdentityKey identity;
    private final Supplier<String> announcement;
    private final Settings settings;
    private final Clock clock;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("nym-api").daemon().factory());

    private volatile Directory directory;
    private volatile boolean fromDisk;
    private volatile boolean reachable;
    private volatile boolean everTried;
    private volatile Instant lastSuccess;
    private volatile Instant unreachableSince;
    private volatile String lastError = "";
    private volatile DirectoryNode self;
    private volatile NodeAnnotation selfAnnotation;
    private volatile RewardInputs rewardInputs;
    private volatile long describeRefreshes;
    private volatile int lastRefreshAccepted;
    private String describedAnnouncement;
    private Instant lastDescribeAttempt = Instant.EPOCH;
    private boolean describeForced;
    private int failuresInRow;

    /**
     * @param announcement what the node announces (addresses, ports, Sphinx keys) as one string;
     *                     a change triggers a signed refresh-described request
     */
    public NetworkDirectory(NymApiClient client, LastKnownGood lastKnownGood, KnownNodes known, IdentityKey identity,
                            Supplier<String> announcement, Settings settings, Clock clock) {
        this(client, lastKnownGood, known, new NoisePeers(), identity, announcement, settings, clock);
    }

    /** @param noisePeers filled with the Noise keys of the topology's nodes at every refresh */
    public NetworkDirectory(NymApiClient client, LastKnownGood lastKnownGood, KnownNodes known, NoisePeers noisePeers,
                            IdentityKey identity, Supplier<String> announcement, Settings settings, Clock clock) {
        this.noisePeers = noisePeers;
        this.client = client;
        this.lastKnownGood = lastKnownGood;
        this.known = known;
        this.identity = identity;
        this.announcement = announcement;
        this.settings = settings;
        this.clock = clock;
    }

    /** Loads the last-known-good copy (quick, local), then starts the timers; the first refresh runs at once. */
    public void start() {
        try {
            Optional<Directory> saved = lastKnownGood.load();
            if (saved.isPresent()) {
                apply(saved.get());
                fromDisk = true;
                LOG.log(System.Logger.Level.INFO, "nym-api: loaded the last-known-good directory from " + saved.get().asOf()
                        + " (" + saved.get().nodes().size() + " nodes) from " + lastKnownGood.file());
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "nym-api: the last-known-good copy " + lastKnownGood.file()
                    + " is unusable and is ignored (" + e.getMessage() + "); it is rewritten at the next good answer");
        }
        timer.execute(this::refreshAndReschedule);
        long lookup = settings.lookupInterval().toMillis();
        timer.scheduleWithFixedDelay(this::lookUpPending, lookup, lookup, TimeUnit.MILLISECONDS);
        long check = ANNOUNCE_CHECK.toMillis();
        timer.scheduleWithFixedDelay(this::refreshDescribedIfChanged, check, check, TimeUnit.MILLISECONDS);
    }

    /**
     * Hook for whoever changes what the node announces (the key-rotation controller after a
     * pre-announce or swap, the setup page after an address change): asks nym-api to describe the
     * node again now, without waiting for the periodic check.
     */
    public void announcementChanged() {
        timer.execute(() -> {
            describedAnnouncement = null;
            describeForced = true;
            refreshDescribedIfChanged();
        });
    }

    private void refreshAndReschedule() {
        long next;
        if (refresh()) {
            failuresInRow = 0;
            next = settings.refreshInterval().toNanos();
            refreshDescribedIfChanged();   // the first contact after start or an outage
        } else {
            failuresInRow++;
            long base = settings.retryInitial().toNanos();
            long cap = settings.refreshInterval().toNanos();
            long delay = Math.min(cap, base << Math.min(20, failuresInRow - 1));
            next = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);   // equal jitter
        }
        try {
            timer.schedule(this::refreshAndReschedule, next, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // closed meanwhile
        }
    }

    /** One full refresh; returns whether nym-api answered well. Public for tests and the CLI. */
    public boolean refresh() {
        everTried = true;
        try {
            NymApiClient.Answer<RotationSchedule> schedule = client.keyRotationInfo();
            NymApiClient.NodeList nodes = client.semiSkimmedNodes();
            if (nodes.nodes().isEmpty()) {
                // Never trade a working topology (or the copy on disk) for an empty one: nothing could be forwarded.
                throw new NymApiException(NymApiException.Kind.MALFORMED, "nym-api listed no nodes at all");
            }
            NymApiClient.Answer<RewardedSet> rewarded = client.rewardedSet();
            Directory d = new Directory(schedule.value(), nodes.nodes(), rewarded.value(), schedule.json(), nodes.json(),
                    rewarded.json(), clock.instant());
            apply(d);
            fromDisk = false;
            selfAnnotation = self == null ? null : annotationOf(self.nodeId());
            refreshRewardInputs();
            markReachable();
            try {
                lastKnownGood.saveIfChanged(d);
            } catch (java.io.IOException e) {
                LOG.log(System.Logger.Level.WARNING, "nym-api: could not save the last-known-good copy to "
                        + lastKnownGood.file() + ": " + e.getMessage());
            }
            return true;
        } catch (NymApiException e) {
            markUnreachable(e);
            return false;
        } catch (RuntimeException e) {
            markUnreachable(new NymApiException(NymApiException.Kind.MALFORMED, String.valueOf(e), e));
            return false;
        }
    }

    private NodeAnnotation annotationOf(long nodeId) {
        try {
            return client.annotation(nodeId).orElse(null);
        } catch (NymApiException e) {
            return null;   // scores are for the dashboard; routing does not need them
        }
    }

    /** Reads the reward inputs for the listed node when they are missing, stale or for another node id; keeps the last on failure. */
    private void refreshRewardInputs() {
        DirectoryNode me = self;
        if (me == null) return;
        RewardInputs last = rewardInputs;
        Instant now = clock.instant();
        if (last != null && last.bond().nodeId() == me.nodeId()
                && Duration.between(last.asOf(), now).compareTo(REWARD_INPUTS_REFRESH) < 0) return;
        try {
            client.rewardInputs(me.nodeId(), now).ifPresent(r -> rewardInputs = r);
        } catch (NymApiException e) {
            // rewards are for the dashboard; the last known inputs stay, with their age
            LOG.log(System.Logger.Level.DEBUG, "nym-api: reward inputs not read: " + e.getMessage());
        }
    }

    private void apply(Directory d) {
        List<InetAddress> ips = new ArrayList<>();
        for (DirectoryNode n : d.nodes()) ips.addAll(n.ipAddresses());
        known.replaceTopology(ips);
        // As nym-node's network view: every IP of a node with a Noise key, at its mix port
        // (nym-node/src/node/shared_network.rs, common/nymnoise/src/config.rs).
        Map<java.net.InetSocketAddress, VersionedNoiseKey> noise = new LinkedHashMap<>();
        for (DirectoryNode n : d.nodes()) {
            if (n.noiseKey().isEmpty()) continue;
            for (InetAddress ip : n.ipAddresses()) noise.put(new java.net.InetSocketAddress(ip, n.mixPort()), n.noiseKey().get());
        }
        noisePeers.replace(noise);
        DirectoryNode before = self;
        self = d.find(identity.publicKeyBase58());
        if (self != null && (before == null || before.nodeId() != self.nodeId())) {
            network.mask.webui.OwnerLog.note("Described by the network: nym-api lists this node as node " + self.nodeId());
        } else if (self == null && before != null) {
            network.mask.webui.OwnerLog.problem("nym-api no longer lists this node (was node " + before.nodeId()
                    + "): check the bond in your wallet and that the box is reachable");
        }
        directory = d;
    }

    private void markReachable() {
        Instant now = clock.instant();
        if (!reachable && unreachableSince != null) {
            LOG.log(System.Logger.Level.INFO, "nym-api answers again (after being unreachable since " + unreachableSince
                    + "); directory refreshed: " + directory.nodes().size() + " nodes");
        }
        reachable = true;
        unreachableSince = null;
        lastError = "";
        lastSuccess = now;
    }

    private void markUnreachable(NymApiException e) {
        lastError = e.kind().metricName() + ": " + e.getMessage();
        if (reachable || unreachableSince == null) {
            unreachableSince = clock.instant();
            reachable = false;
            // Said once per outage; the status keeps saying it until nym-api answers again.
            LOG.log(System.Logger.Level.WARNING, view().summary()
                    + ". Check the box's internet connection, or the URLs in [network] nym_api_urls.");
        }
    }

    private void lookUpPending() {
        List<InetAddress> batch = known.takePending(LOOKUP_BATCH);
        if (batch.isEmpty()) return;
        try {
            Map<InetAddress, OptionalLong> answer = client.nodesByAddresses(batch);
            Map<InetAddress, Boolean> resolved = new LinkedHashMap<>();
            for (InetAddress ip : batch) {
                OptionalLong id = answer.get(ip);
                if (id != null) resolved.put(ip, id.isPresent());   // not in the answer: ask again next time
            }
            known.resolved(resolved);
        } catch (NymApiException e) {
            LOG.log(System.Logger.Level.DEBUG, "nym-api: next-hop lookup failed: " + e.getMessage());
        }
    }

    private void refreshDescribedIfChanged() {
        if (!reachable) return;   // asked once nym-api answers again
        String now;
        try {
            now = announcement.get();
        } catch (RuntimeException e) {
            return;
        }
        if (now.equals(describedAnnouncement)) return;
        // nym-api refuses more than one refresh per node and minute; retry a refused one after that.
        Instant at = clock.instant();
        if (!describeForced && Duration.between(lastDescribeAttempt, at).compareTo(DESCRIBE_RETRY) < 0) return;
        describeForced = false;
        lastDescribeAttempt = at;
        lastRefreshAccepted = client.refreshDescribed(identity, clock.instant());
        describeRefreshes++;
        if (lastRefreshAccepted > 0) describedAnnouncement = now;
        LOG.log(System.Logger.Level.INFO, "nym-api: asked to describe this node again; " + lastRefreshAccepted + " of "
                + client.http().bases().size() + " nym-api(s) accepted");
    }

    @Override
    public Optional<RotationSchedule> latest() {
        Directory d = directory;
        return d == null ? Optional.empty() : Optional.of(d.schedule());
    }

    /** The directory in use (fresh or from disk), if any. */
    public Optional<Directory> directory() {
        return Optional.ofNullable(directory);
    }

    @Override
    public NetworkView view() {
        Directory d = directory;
        DirectoryNode me = self;
        NodeAnnotation a = selfAnnotation;
        RewardedSet set = d == null ? null : d.rewardedSet();
        Map<String, Long> failures = new LinkedHashMap<>();
        client.http().failureCounts().forEach((k, v) -> failures.put(k.metricName(), v));
        return new NetworkView(client.http().bases().stream().map(Object::toString).toList(),
                reachable, Optional.ofNullable(lastSuccess), Optional.ofNullable(unreachableSince),
                !everTried ? "not asked yet" : lastError, fromDisk, d == null ? Optional.empty() : Optional.of(d.asOf()),
                known.size(), d == null ? OptionalLong.empty() : OptionalLong.of(d.schedule().currentRotationId()),
                me != null, me == null ? OptionalLong.empty() : OptionalLong.of(me.nodeId()),
                me == null || set == null ? Optional.empty() : Optional.of(set.roleOf(me.nodeId())),
                me == null ? OptionalDouble.empty() : OptionalDouble.of(me.performance()),
                a == null ? OptionalDouble.empty() : OptionalDouble.of(a.configScore()),
                a == null ? OptionalDouble.empty() : OptionalDouble.of(a.performanceScore()),
                describeRefreshes, lastRefreshAccepted, failures,
                me == null || rewardInputs == null || rewardInputs.bond().nodeId() != me.nodeId()
                        ? Optional.empty() : Optional.of(rewardInputs));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        client.close();
    }
}
