package network.mask.node.telemetry;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.metrics.MetricsSource;
import network.mask.node.metrics.RateWindow;
import network.mask.webui.OwnerLog;

/**
 * The node's MQTT telemetry: Home Assistant device discovery, one state JSON per interval,
 * retained availability with an {@code offline} Last Will, and the identify/restart buttons.
 *
 * <p>All MQTT work happens on one worker thread. Every public method returns at once: settings
 * changes, state requests and events are handed over, and messages wait in a bounded buffer
 * (oldest dropped first) while the broker is slow or away. Reconnects back off exponentially with
 * jitter. Use:
 * <pre>{@code
 * var telemetry = new MqttTelemetry(device, metrics, health, actions);
 * telemetry.start();                  // DISABLED until configured
 * telemetry.reconfigure(settings);    // connect; call again whenever the owner changes a setting
 * telemetry.status();                 // for the dashboard
 * telemetry.close();                  // publishes "offline" and disconnects
 * }</pre>
 */
public final class MqttTelemetry implements AutoCloseable {

    static final String PRESS = "PRESS";
    static final int MAX_EVENT_BYTES = 16 * 1024;
    private static final Pattern EVENT_NAME = Pattern.compile("[a-z0-9_-]{1,32}");
    private static final System.Logger LOG = System.getLogger(MqttTelemetry.class.getName());

    /**
     * Tuning that the defaults cover for the node; tests shorten the backoff.
     *
     * @param outboxCapacity            messages kept while the broker is away
     * @param backoffInitial            first reconnect delay (before jitter)
     * @param backoffMax                longest reconnect delay
     * @param healthMissesBeforeRemoval readings a health value may be missing before its entity is removed
     * @param restartCooldown           restart button presses closer together than this are ignored
     */
    public record Options(int outboxCapacity, Duration backoffInitial, Duration backoffMax,
                          int healthMissesBeforeRemoval, Duration restartCooldown) {
        public static Options defaults() {
            return new Options(256, Duration.ofSeconds(1), Duration.ofSeconds(60), 6, Duration.ofSeconds(60));
        }

        public Options withBackoff(Duration initial, Duration max) {
            return new Options(outboxCapacity, initial, max, healthMissesBeforeRemoval, restartCooldown);
        }

        public Options withOutboxCapacity(int capacity) {
            return new Options(capacity, backoffInitial, backoffMax, healthMissesBeforeRemoval, restartCooldown);
        }

        public Options withHealthMissesBeforeRemoval(int misses) {
            return new Options(outboxCapacity, backoffInitial, backoffMax, misses, restartCooldown);
        }
    }

    private record Change(MqttSettings settings) {}

    private record Phase(TelemetryState state, String message, Instant since) {}

    private final DeviceInfo device;
    private final MetricsSource metrics;
    private final HealthSource health;
    private final NodeActions actions;
    private final TelemetryPublisher publisher;
    private final BoundedOutbox outbox;
    private final ArrayBlockingQueue<InboundMessage> inbound = new ArrayBlockingQueue<>(64);
    private final AtomicReference<Change> pending = new AtomicReference<>();
    private final AtomicBoolean stateRequested = new AtomicBoolean();
    private final AtomicBoolean connectionLost = new AtomicBoolean();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong rejectedCommands = new AtomicLong();
    private final Wakeup wakeup = new Wakeup();
    private final Options options;
    private volatile Topics currentTopics;
    private volatile NetworkSource network;
    private volatile Phase phase = new Phase(TelemetryState.DISABLED, "MQTT telemetry is off", Instant.now());
    private volatile boolean closing;
    /** The last switch-off removed the device from the broker (it was connected to say so). */
    private volatile boolean cleared;
    private Thread worker;
    /** The status model's condition code ({@code working}, {@code not-bonded}, ...), published as {@code state}. */
    private volatile java.util.function.Supplier<String> statusCode = () -> UNKNOWN_STATUS;
    static final String UNKNOWN_STATUS = "unknown";

    // Worker-thread state.
    private final Backoff backoff;
    private final RateWindow rates = new RateWindow(Duration.ofSeconds(5));
    private final StickyPresence healthPresence;
    private MqttSettings active;
    private Topics topics;
    private boolean connected;
    private long nextAttemptAt;
    private long nextTickAt;
    private long lastRestartAt = Long.MIN_VALUE;
    private volatile FirmwareUpdates firmware = FirmwareUpdates.NONE;
    private Set<String> dropReasons = Set.of();
    private Set<String> advertisedHealth = Set.of();
    private Map<String, String> publishedEntities = Map.of();
    private String lastLogged = "";

    /** With the Paho client and default tuning. */
    public MqttTelemetry(DeviceInfo device, MetricsSource metrics, HealthSource health, NodeActions actions) {
        this(device, metrics, health, actions, new PahoTelemetryPublisher(), Options.defaults());
    }

    public MqttTelemetry(DeviceInfo device, MetricsSource metrics, HealthSource health, NodeActions actions,
                         TelemetryPublisher publisher, Options options) {
        this.device = Objects.requireNonNull(device);
        this.metrics = Objects.requireNonNull(metrics);
        this.health = Objects.requireNonNull(health);
        this.actions = Objects.requireNonNull(actions);
        this.publisher = Objects.requireNonNull(publisher);
        this.options = Objects.requireNonNull(options);
        this.outbox = new BoundedOutbox(options.outboxCapacity());
        this.backoff = new Backoff(options.backoffInitial(), options.backoffMax(), ThreadLocalRandom.current());
        this.healthPresence = new StickyPresence(options.healthMissesBeforeRemoval());
    }

    /** Publishes {@code code} (the node's status condition) as the state document's {@code state} field. */
    public void reportStatus(java.util.function.Supplier<String> code) {
        this.statusCode = Objects.requireNonNull(code);
    }

    private String withStatus(String stateJson) {
        String code;
        try {
            code = statusCode.get();
        } catch (RuntimeException e) {
            code = UNKNOWN_STATUS;   // an adapter bug must not stop the state document
        }
        if (code == null || code.isEmpty()) code = UNKNOWN_STATUS;
        try (jakarta.json.JsonReader r = jakarta.json.Json.createReader(new java.io.StringReader(stateJson))) {
            return jakarta.json.Json.createObjectBuilder(r.readObject()).add("state", code).build().toString();
        }
    }

    /** Offers Home Assistant an update entity for the box's own updates; call before {@link #start}. */
    public MqttTelemetry withFirmwareUpdates(FirmwareUpdates updates) {
        this.firmware = Objects.requireNonNull(updates);
        return this;
    }

    /** Starts the worker thread. Until {@link #reconfigure} the telemetry stays DISABLED. */
    public synchronized void start() {
        if (worker != null) throw new IllegalStateException("already started");
        worker = Thread.ofPlatform().daemon().name("masknode-mqtt").start(this::run);
    }

    /** Applies new settings without a restart: leaves the old broker cleanly, then connects. Returns at once. */
    public void reconfigure(MqttSettings settings) {
        pending.set(new Change(Objects.requireNonNull(settings)));
        wakeup.signal();
    }

    /** Switches telemetry off: publishes {@code offline} and disconnects. Returns at once. */
    public void disable() {
        pending.set(new Change(null));
        wakeup.signal();
    }

    /**
     * Reports the network's view of the node (described, role, performance, rewards, status) as
     * entities of their own from the next state on. Until called the node reports none.
     */
    public void reportNetwork(NetworkSource source) {
        network = Objects.requireNonNull(source);
        stateRequested.set(true);
        wakeup.signal();
    }

    /**
     * Switches telemetry off and waits (at most {@code timeout}) until the device is gone from the
     * broker: empty retained discovery, state and availability, as before a factory reset, so Home
     * Assistant keeps no ghost of a box that no longer exists. True when it was removed or MQTT was off.
     */
    public boolean forgetDevice(Duration timeout) {
        boolean wasOn = active != null || pending.get() != null;
        disable();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (pending.get() == null && phase.state() == TelemetryState.DISABLED) return !wasOn || cleared;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Asks for a state message now instead of at the next interval. Returns at once. */
    public void publishStateNow() {
        stateRequested.set(true);
        wakeup.signal();
    }

    /**
     * Queues a non-retained event on {@code masknode/<node_id>/event/<name>}. Returns at once; false
     * when telemetry is off, or when the buffer was full and the oldest message was dropped for it.
     */
    public boolean publishEvent(String name, String jsonPayload) {
        if (!EVENT_NAME.matcher(Objects.requireNonNull(name)).matches()) {
            throw new IllegalArgumentException("event name must be [a-z0-9_-]{1,32}: " + name);
        }
        if (Objects.requireNonNull(jsonPayload).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_EVENT_BYTES) {
            throw new IllegalArgumentException("event payload larger than " + MAX_EVENT_BYTES + " bytes");
        }
        Topics t = currentTopics;
        if (t == null || closing) return false;
        boolean kept = outbox.offer(new OutboundMessage(t.event(name), jsonPayload, 1, false));
        wakeup.signal();
        return kept;
    }

    public TelemetryStatus status() {
        Phase p = phase;
        return new TelemetryStatus(p.state(), p.message(), p.since(), outbox.size(), outbox.dropped(), published.get());
    }

    /** Command messages ignored: retained, unknown, wrong payload, or a restart within the cooldown. */
    public long rejectedCommands() {
        return rejectedCommands.get();
    }

    /** Publishes a last state ("Mixing" off) and {@code offline}, then disconnects. Waits up to 15 s. */
    @Override
    public void close() {
        Thread w;
        synchronized (this) {
            closing = true;
            w = worker;
        }
        wakeup.signal();
        if (w == null) {
            publisher.close();
            setPhase(TelemetryState.STOPPED, "stopped");
            return;
        }
        try {
            w.join(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (w.isAlive()) {
            w.interrupt();
            publisher.close();
        }
    }

    // ---- worker ----

    private void run() {
        try {
            while (!closing) {
                try {
                    step();
                } catch (RuntimeException e) {
                    // A bug in an adapter (metrics, health, actions) must not end telemetry for good.
                    LOG.log(Level.WARNING, "telemetry step failed", e);
                    if (connected) lose("internal error: " + e);
                }
                wakeup.await(waitTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            shutdown();
        }
    }

    private void step() {
        applyPendingChange();
        if (active == null) return;
        if (connected && connectionLost.getAndSet(false) && !publisher.isConnected()) {
            lose("connection to " + active.brokerUrl() + " lost");
        }
        if (!connected && now() >= nextAttemptAt) connect();
        if (connected) handleInbound();
        if (stateRequested.getAndSet(false) || now() >= nextTickAt) {
            nextTickAt = now() + active.interval().toMillis();
            tick();
        }
        if (connected) drain();
    }

    private Duration waitTime() {
        if (closing || pending.get() != null) return Duration.ZERO;
        if (active == null) return Duration.ofHours(1);
        long until = nextTickAt;
        if (!connected) until = Math.min(until, nextAttemptAt);
        return Duration.ofMillis(Math.max(0, until - now()));
    }

    private void applyPendingChange() {
        Change change = pending.getAndSet(null);
        if (change == null || Objects.equals(change.settings(), active)) return;
        MqttSettings next = change.settings();
        Topics nextTopics = next == null ? null : Topics.of(next);
        cleared = false;
        if (connected) leave(nextTopics);
        else {
            publisher.close();
            if (next == null && topics != null) {
                LOG.log(Level.INFO, "MQTT turned off while the broker was away: Home Assistant may keep showing the node as "
                        + "unavailable; delete the device there if it stays");
            }
        }
        if (!Objects.equals(nextTopics, topics)) outbox.clear();   // queued messages name the old topics
        active = next;
        topics = nextTopics;
        currentTopics = nextTopics;
        connected = false;
        connectionLost.set(false);
        publishedEntities = Map.of();
        backoff.reset();
        nextAttemptAt = now();
        if (next == null) setPhase(TelemetryState.DISABLED, "MQTT telemetry is off");
        else setPhase(TelemetryState.CONNECTING, "connecting to " + next.brokerUrl());
    }

    /** Says goodbye on the current broker before a settings change. */
    private void leave(Topics nextTopics) {
        try {
            if (nextTopics == null || !nextTopics.equals(topics)) {
                // Turned off, or known under another id or prefix from now on: remove this device.
                // Empty retained payloads delete the retained messages; the empty config removes the
                // device from Home Assistant (discovery.py, _parse_device_payload).
                publishNow(new OutboundMessage(topics.discoveryConfig(), "", 1, true));
                publishNow(new OutboundMessage(topics.state(), "", 1, true));
                publishNow(new OutboundMessage(topics.availability(), "", 1, true));
                cleared = nextTopics == null;
            } else {
                publishNow(new OutboundMessage(topics.availability(), Topics.OFFLINE, 1, true));
            }
        } catch (PublisherException e) {
            LOG.log(Level.INFO, "could not say goodbye to the old broker: {0}", e.getMessage());
        }
        publisher.disconnect();
    }

    private void connect() {
        setPhase(TelemetryState.CONNECTING, "connecting to " + active.brokerUrl());
        try {
            publisher.connect(active, "masknode-" + active.nodeId(),
                    new OutboundMessage(topics.availability(), Topics.OFFLINE, 1, true),
                    () -> {
                        connectionLost.set(true);
                        wakeup.signal();
                    });
            connectionLost.set(false);
            connected = true;
            publisher.subscribe(topics.homeAssistantStatus(), this::onInbound);
            publisher.subscribe(topics.commandFilter(), this::onInbound);
            refreshCapabilities();
            publishedEntities = Map.of();
            publishDiscoveryIfChanged();
            publishNow(new OutboundMessage(topics.availability(), Topics.ONLINE, 1, true));
            backoff.reset();
            stateRequested.set(true);
            setPhase(TelemetryState.CONNECTED, "connected to " + active.brokerUrl());
        } catch (PublisherException e) {
            connected = false;
            publisher.close();
            Duration delay = backoff.nextDelay();
            nextAttemptAt = now() + delay.toMillis();
            TelemetryState kind = e.kind() == TelemetryState.CONNECTING ? TelemetryState.UNREACHABLE : e.kind();
            setPhase(kind, e.getMessage() + " (retrying in " + Math.max(1, delay.toSeconds()) + " s)");
        }
    }

    private void lose(String reason) {
        connected = false;
        publisher.close();
        Duration delay = backoff.nextDelay();
        nextAttemptAt = now() + delay.toMillis();
        setPhase(TelemetryState.CONNECTING, reason + "; reconnecting");
    }

    private void onInbound(InboundMessage message) {
        inbound.offer(message);   // full means a flood; dropping the surplus is the right answer
        wakeup.signal();
    }

    private void handleInbound() {
        InboundMessage m;
        while (connected && (m = inbound.poll()) != null) {
            if (m.topic().equals(topics.homeAssistantStatus())) {
                if (m.payload().equals(Topics.ONLINE)) resendAfterHomeAssistantRestart();
            } else if (m.topic().startsWith(topics.base() + "/command/")) {
                command(m.topic().substring(m.topic().lastIndexOf('/') + 1), m);
            }
        }
    }

    private void resendAfterHomeAssistantRestart() {
        try {
            publishedEntities = Map.of();
            publishDiscoveryIfChanged();
            publishNow(new OutboundMessage(topics.availability(), Topics.ONLINE, 1, true));
            stateRequested.set(true);
        } catch (PublisherException e) {
            lose(e.getMessage());
        }
    }

    private void command(String name, InboundMessage m) {
        if (m.retained() || !m.payload().equals(PRESS)) {
            // A retained press would fire again on every reconnect: never act on one.
            rejectedCommands.incrementAndGet();
            return;
        }
        switch (name) {
            case EntityCatalog.IDENTIFY -> actions.identify();
            case EntityCatalog.INSTALL_UPDATE -> firmware.install();
            case EntityCatalog.RESTART -> {
                long cooldown = options.restartCooldown().toMillis();
                if (lastRestartAt != Long.MIN_VALUE && now() - lastRestartAt < cooldown) {
                    rejectedCommands.incrementAndGet();
                    return;
                }
                lastRestartAt = now();
                actions.restart();
            }
            default -> rejectedCommands.incrementAndGet();
        }
    }

    private void tick() {
        MetricsSnapshot snapshot = metrics.snapshot();
        HealthReading reading = readHealth();
        dropReasons = new TreeSet<>(snapshot.droppedByReason().keySet());
        advertisedHealth = healthPresence.update(StateDocument.presentHealth(reading));
        if (connected) {
            try {
                publishDiscoveryIfChanged();
            } catch (PublisherException e) {
                lose(e.getMessage());
            }
        }
        String json = withStatus(StateDocument.withFirmware(StateDocument.json(snapshot, rates.sample(snapshot), reading, advertisedHealth,
                device.softwareVersion(), true, readNetwork()), firmwareInfo()));
        outbox.offer(new OutboundMessage(topics.state(), json, 1, true));
    }

    private void refreshCapabilities() {
        MetricsSnapshot snapshot = metrics.snapshot();
        dropReasons = new TreeSet<>(snapshot.droppedByReason().keySet());
        advertisedHealth = healthPresence.update(StateDocument.presentHealth(readHealth()));
    }

    private java.util.Optional<FirmwareUpdates.Info> firmwareInfo() {
        try {
            return firmware.info();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "update state unreadable", e);
            return java.util.Optional.empty();
        }
    }

    /** Null when no network view is wired. */
    private NetworkReading readNetwork() {
        NetworkSource source = network;
        if (source == null) return null;
        try {
            NetworkReading r = source.read();
            return r == null ? NetworkReading.UNKNOWN : r;
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "network read failed", e);
            return NetworkReading.UNKNOWN;
        }
    }

    private HealthReading readHealth() {
        try {
            HealthReading r = health.read();
            return r == null ? HealthReading.empty() : r;
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "health read failed", e);
            return HealthReading.empty();
        }
    }

    private void publishDiscoveryIfChanged() throws PublisherException {
        List<Entity> entities = EntityCatalog.withFirmware(EntityCatalog.entities(dropReasons, advertisedHealth, network != null),
                firmwareInfo().isPresent());
        Map<String, String> current = new LinkedHashMap<>();
        for (Entity e : entities) current.put(e.key(), e.platform());
        if (current.equals(publishedEntities)) return;
        Map<String, String> removed = new LinkedHashMap<>(publishedEntities);
        removed.keySet().removeAll(current.keySet());
        if (!removed.isEmpty()) {
            publishNow(new OutboundMessage(topics.discoveryConfig(),
                    DiscoveryDocument.json(device, topics, entities, removed, active.interval()), 1, true));
        }
        publishNow(new OutboundMessage(topics.discoveryConfig(),
                DiscoveryDocument.json(device, topics, entities, Map.of(), active.interval()), 1, true));
        publishedEntities = current;
    }

    private void drain() {
        OutboundMessage m;
        while (connected && !closing && (m = outbox.peek()) != null) {
            try {
                publisher.publish(m);
                outbox.remove(m);
                published.incrementAndGet();
            } catch (PublisherException e) {
                lose(e.getMessage());
            }
        }
    }

    private void publishNow(OutboundMessage m) throws PublisherException {
        publisher.publish(m);
        published.incrementAndGet();
    }

    private void shutdown() {
        if (connected) {
            try {
                drain();
                MetricsSnapshot snapshot = metrics.snapshot();
                HealthReading reading = readHealth();
                publishNow(new OutboundMessage(topics.state(), StateDocument.json(snapshot, rates.sample(snapshot),
                        reading, advertisedHealth, device.softwareVersion(), false, readNetwork()), 1, true));
                publishNow(new OutboundMessage(topics.availability(), Topics.OFFLINE, 1, true));
            } catch (PublisherException | RuntimeException e) {
                LOG.log(Level.INFO, "could not publish offline on shutdown: {0}", e.getMessage());
            }
            publisher.disconnect();
        } else {
            publisher.close();
        }
        connected = false;
        setPhase(TelemetryState.STOPPED, "stopped");
    }

    private void setPhase(TelemetryState state, String message) {
        Phase old = phase;
        if (old.state() == state && old.message().equals(message)) return;
        phase = new Phase(state, message, old.state() == state ? old.since() : Instant.now());
        if (old.state() != state) ownerLine(state, message);
        String key = state + message.replaceAll(" \\(retrying in \\d+ s\\)$", "");
        if (!key.equals(lastLogged)) {
            lastLogged = key;
            // Detail for the journal; the owner's line in words comes from ownerLine.
            LOG.log(Level.INFO, "MQTT telemetry {0}: {1}", state, message);
        }
    }

    /** The owner's log: Home Assistant connected, or what refused it and what to fix, once per change. */
    private static void ownerLine(TelemetryState state, String message) {
        switch (state) {
            case CONNECTED -> OwnerLog.note("Home Assistant: " + TelemetryStatus.words(state, message));
            case UNREACHABLE, AUTH_FAILED, TLS_FAILED, CONFIG_INVALID -> OwnerLog.problem("Home Assistant: "
                    + TelemetryStatus.words(state, message.replaceAll(" \\(retrying in \\d+ s\\)$", "")));
            case DISABLED -> OwnerLog.note("Home Assistant: MQTT switched off");
            default -> { }
        }
    }

        private static long now() {
        return System.nanoTime() / 1_000_000;
    }
}
