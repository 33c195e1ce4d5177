package network.mask.webui;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import network.mask.webui.spi.AdminCredentialStore;
import network.mask.webui.spi.BackupFiles;
import network.mask.webui.spi.BondingKeys;
import network.mask.webui.spi.ClaimAuthority;
import network.mask.webui.spi.DashboardSnapshot;
import network.mask.webui.spi.DashboardSource;
import network.mask.webui.spi.LedSettings;
import network.mask.webui.spi.MqttSettings;
import network.mask.webui.spi.MqttTester;
import network.mask.webui.spi.NodeControl;
import network.mask.webui.spi.NodeSettings;
import network.mask.webui.spi.NodeSettingsStore;
import network.mask.webui.spi.ReachabilityChecker;
import network.mask.webui.spi.TlsMaterialStore;

/**
 * In-memory stand-in for the node behind the web-ui's own interfaces. Tests set its figures
 * and read back what the page asked it to do.
 */
public final class FakeNode implements AdminCredentialStore, NodeSettingsStore, ReachabilityChecker, MqttTester,
        DashboardSource, NodeControl, BackupFiles, BondingKeys {

    public static final NodeSettings FRESH = new NodeSettings("", "", "", 1789, 8080, "", MqttSettings.disabled(),
            new LedSettings(80, true));

    public final AtomicReference<String> passwordHash = new AtomicReference<>();
    public final AtomicReference<NodeSettings> settings = new AtomicReference<>(FRESH);
    public final List<NodeSettings> applied = new CopyOnWriteArrayList<>();
    public final Map<Integer, ReachabilityChecker.Verdict> reachable = new java.util.concurrent.ConcurrentHashMap<>();
    public final List<String> reachabilityChecks = new CopyOnWriteArrayList<>();
    public final AtomicReference<MqttTester.Result> mqttResult = new AtomicReference<>(new MqttTester.Result(true, ""));
    public final List<MqttSettings> mqttTests = new CopyOnWriteArrayList<>();
    public final AtomicReference<DashboardSnapshot> snapshot = new AtomicReference<>(snapshot(0, 0, 0, 0));
    /** Home Assistant's connection in words; empty where the node reports none. */
    public final AtomicReference<Optional<String>> homeAssistant = new AtomicReference<>(Optional.empty());
    public final AtomicReference<network.mask.webui.spi.StatusReport> status =
            new AtomicReference<>(network.mask.webui.spi.StatusReport.UNKNOWN);
    public final AtomicInteger restarts = new AtomicInteger();
    public final AtomicInteger identifies = new AtomicInteger();
    public final AtomicInteger identifyStops = new AtomicInteger();
    public final AtomicInteger factoryResets = new AtomicInteger();
    public final Map<String, byte[]> files = new java.util.concurrent.ConcurrentHashMap<>();
    public final List<Map<String, byte[]>> imports = new CopyOnWriteArrayList<>();
    public final AtomicReference<TlsMaterialStore.TlsMaterial> tls = new AtomicReference<>();
    public final List<String> signedMessages = new CopyOnWriteArrayList<>();
    public volatile boolean failWrites;
    /** The box's updates as the page sees them; records the owner's wishes. */
    public final FakeUpdates updates = new FakeUpdates();
    /** The settings the node runs with: null = the saved ones; a restart makes the saved ones the running ones. */
    public final AtomicReference<NodeSettings> running = new AtomicReference<>();
    /** Further config keys by path, as text; readFields answers only for the keys present. */
    public final Map<String, String> fields = new java.util.concurrent.ConcurrentHashMap<>(Map.of(
            "node.website", "", "node.security_contact", "", "node.location", "",
            "node.accepted_operator_terms_and_conditions", "false", "mqtt.topic_prefix", "masknode",
            "mqtt.discovery_prefix", "homeassistant", "mqtt.interval", "30s", "admin.tls", "false",
            "api.metrics_token", "", "api.expose_system_info", "true"));
    public final List<Map<String, String>> fieldApplies = new CopyOnWriteArrayList<>();
    public final AtomicReference<Long> bondedNodeId = new AtomicReference<>();
    public final AtomicReference<Boolean> reachableFromOutside = new AtomicReference<>();
    /** What describe() says of any backup (the real node reads the backup's config and key files). */
    public final AtomicReference<BackupFiles.Summary> backupSummary =
            new AtomicReference<>(new BackupFiles.Summary("Restored node", "B4ckupIdentity"));

    public FakeNode() {
        files.put("config/config.toml", "name = \"\"\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        files.put("keys/identity.key", new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    }

    public AdminBackend backend(ClaimAuthority claim) {
        return new AdminBackend(this, claim, this, this, this, this, this, this, this, tlsStore(), updates);
    }

    public static DashboardSnapshot snapshot(double in, double out, int queue, int peers) {
        return snapshot(in, out, queue, peers,
                List.of("12:00:01 INFO node started", "12:00:02 INFO listening on mix port 1789", "12:00:03 <b>not html</b>"));
    }

    /** @param log the log tail, oldest first as the node gives it */
    public static DashboardSnapshot snapshot(double in, double out, int queue, int peers, List<String> log) {
        return new DashboardSnapshot(in, out, 0.5, queue, peers, Duration.ofMinutes(75), "0.1.0-test",
                OptionalDouble.of(48.5), Optional.of(new DashboardSnapshot.Usage(400L << 20, 4L << 30)),
                Optional.of(new DashboardSnapshot.Usage(3L << 30, 28L << 30)),
                new DashboardSnapshot.LedState("#22c55e", true, false, "Mixing: connected to the network"), log);
    }

    // AdminCredentialStore
    @Override
    public Optional<String> load() {
        return Optional.ofNullable(passwordHash.get());
    }

    @Override
    public void store(String argon2idHash) throws IOException {
        if (failWrites) {
            throw new IOException("disk full");
        }
        passwordHash.set(argon2idHash);
    }

    // NodeSettingsStore
    @Override
    public NodeSettings read() {
        return settings.get();
    }

    @Override
    public void apply(NodeSettings validated) throws IOException {
        if (failWrites) {
            throw new IOException("disk full");
        }
        applied.add(validated);
        settings.set(validated);
    }

    @Override
    public NodeSettings running() {
        NodeSettings r = running.get();
        return r != null ? r : settings.get();
    }

    @Override
    public Map<String, String> readFields(List<String> paths) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : paths) {
            if (fields.containsKey(p)) out.put(p, fields.get(p));
        }
        return out;
    }

    /** Refuses what the node's config rules refuse for the keys tests use; records what it saved. */
    @Override
    public List<String> applyFields(Map<String, String> values) throws IOException {
        if (failWrites) {
            throw new IOException("disk full");
        }
        String location = values.get("node.location");
        if (location != null && !location.isEmpty() && !java.util.Set.of(java.util.Locale.getISOCountries()).contains(location)) {
            throw new network.mask.webui.spi.SettingsRefusedException("node.location: expected an ISO 3166 two-letter country "
                    + "code in capitals, e.g. \"DE\", got \"" + location + "\"", null);
        }
        fieldApplies.add(Map.copyOf(values));
        fields.putAll(values);
        return List.of();
    }

    @Override
    public List<String> waitingForRestart() {
        NodeSettings r = running.get();
        NodeSettings s = settings.get();
        List<String> out = new ArrayList<>();
        if (r != null && r.mixPort() != s.mixPort()) out.add("mix port " + s.mixPort() + " (now " + r.mixPort() + " until the restart)");
        if (r != null && r.apiPort() != s.apiPort()) out.add("API port " + s.apiPort() + " (now " + r.apiPort() + " until the restart)");
        if (r != null && !r.publicHost().equals(s.publicHost())) out.add("public address " + s.publicHost());
        return out;
    }

    // ReachabilityChecker
    /** What {@link #routerRule()} answers; empty: the node could not tell. */
    public final java.util.concurrent.atomic.AtomicReference<Optional<RouterRule>> routerRule =
            new java.util.concurrent.atomic.AtomicReference<>(Optional.empty());

    @Override
    public Optional<RouterRule> routerRule() {
        return routerRule.get();
    }

    @Override
    public Verdict check(String host, int port) {
        reachabilityChecks.add(host + ":" + port);
        return reachable.getOrDefault(port, new Verdict(false, "connection refused"));
    }

    // MqttTester
    @Override
    public Result test(MqttSettings s) {
        mqttTests.add(s);
        return mqttResult.get();
    }

    // DashboardSource
    @Override
    public DashboardSnapshot snapshot() {
        return snapshot.get();
    }

    @Override
    public network.mask.webui.spi.StatusReport status() {
        return status.get();
    }

    @Override
    public Optional<String> homeAssistant() {
        return homeAssistant.get();
    }

    // NodeControl
    /** The restart count once it reaches {@code n} (the page asks for the restart a moment after answering), or after 10 s. */
    public int awaitRestarts(int n) {
        for (int i = 0; i < 200 && restarts.get() < n; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return restarts.get();
    }

    @Override
    public void restart() {
        restarts.incrementAndGet();
        running.set(settings.get());
    }

    @Override
    public void stopIdentifying() {
        identifyStops.incrementAndGet();
    }

    @Override
    public void identify() {
        identifies.incrementAndGet();
    }

    @Override
    public void factoryReset() {
        factoryResets.incrementAndGet();
        passwordHash.set(null);
        settings.set(FRESH);
    }

    // BackupFiles
    @Override
    public Map<String, byte[]> exportFiles() {
        return new LinkedHashMap<>(files);
    }

    @Override
    public void importFiles(Map<String, byte[]> imported) throws IOException {
        if (failWrites) {
            throw new IOException("disk full");
        }
        imports.add(imported);
        files.putAll(imported);
    }

    @Override
    public BackupFiles.Summary describe(Map<String, byte[]> backup) {
        return backupSummary.get();
    }

    // BondingKeys
    @Override
    public Keys keys() {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("Identity key", "4yRfauFzZnejJhG2FACTVQ7UnYEcFUYw3HzXrmuwLMaR"));
        entries.add(new Entry("Sphinx key", "B6rBLVrn6t7fStFDEt1Hq5ahYc7Fs7vDFtqmjX2YUPqk"));
        return new Keys("masknode-7f3a", entries);
    }

    @Override
    public Optional<Long> bondedNodeId() {
        return Optional.ofNullable(bondedNodeId.get());
    }

    @Override
    public Optional<Boolean> reachableFromOutside() {
        return Optional.ofNullable(reachableFromOutside.get());
    }

    @Override
    public String signContractMessage(String message) {
        if (message.startsWith("bad")) {
            throw new IllegalArgumentException("not a bonding message");
        }
        signedMessages.add(message);
        return "sig-" + message.length();
    }

    // TlsMaterialStore: its load/store names clash with the credential store's, hence a separate object.
    public TlsMaterialStore tlsStore() {
        return new TlsMaterialStore() {
            @Override
            public Optional<TlsMaterial> load() {
                return Optional.ofNullable(tls.get());
            }

            @Override
            public void store(TlsMaterial material) {
                tls.set(material);
            }
        };
    }
}
