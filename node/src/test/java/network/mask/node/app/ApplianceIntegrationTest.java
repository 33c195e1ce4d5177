package network.mask.node.app;

import network.mask.node.telemetrylink.TelemetrySettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.mask.node.config.ConfigLoader;
import network.mask.node.config.NodeConfig;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.systemd.NotifyReceiver;
import network.mask.node.systemd.SdNotify;
import network.mask.node.telemetry.MosquittoBroker;
import network.mask.node.telemetry.TopicRecorder;
import network.mask.node.testing.TestNodes;
import network.mask.node.testing.ToyOnion;
import network.mask.webui.TestClient;
import network.mask.webui.spi.MqttSettings;
import network.mask.webui.spi.NodeSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code masknode run --dev} as composed in-process: real sockets, a temp data directory, a real
 * Mosquitto and a real notify socket. The Sphinx engine is the toy one; the mix path is tested elsewhere.
 */
class ApplianceIntegrationTest {

    private static final String PASSWORD = "correct horse battery 42";
    private static final Pattern CLAIM_CODE = Pattern.compile("One-time claim code: ([A-Z2-9]{5}-[A-Z2-9]{5})");

    @TempDir Path dir;
    final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    NodeConfig config;
    NotifyReceiver systemd;
    Appliance appliance;
    NodeDaemon daemon;
    ApplianceServices.Composed composed;
    int adminPort;
    int apiPort;

    @BeforeEach
    void startDevNode() throws Exception {
        adminPort = TestNodes.freePort();
        apiPort = TestNodes.freePort();
        config = ConfigLoader.load(new ConfigLoader.Overrides(null, dir.resolve("data"), TestNodes.freePort(), apiPort,
                adminPort, null, true));
        systemd = new NotifyReceiver(dir.resolve("notify.sock").toString());
        appliance = Appliance.open(config, new PrintStream(consoleBytes, true, StandardCharsets.UTF_8),
                SdNotify.forSocket(dir.resolve("notify.sock").toString()));
        daemon = NodeDaemon.builder(config).hopEngines(ToyOnion::engine).build();
        composed = ApplianceServices.addTo(daemon, appliance);
        daemon.start();
        appliance.running(daemon);
    }

    @AfterEach
    void stop() {
        daemon.stop(Duration.ofMillis(200));
        appliance.close();
        systemd.close();
    }

    String console() {
        return consoleBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void devNodeAnnouncesItselfServesBothPortsAndGuardsTheSetupPage() throws Exception {
        assertTrue(systemd.drain().stream().anyMatch(m -> m.startsWith("READY=1\nSTATUS=mixing on port ")),
                "READY=1 once everything listens");
        Matcher code = CLAIM_CODE.matcher(console());
        assertTrue(code.find(), console());
        assertTrue(console().contains("Setup page: http://127.0.0.1:" + adminPort + "/"), console());
        assertTrue(console().contains("Public API: http://127.0.0.1:" + apiPort + "/api/v1/health"), console());
        assertTrue(console().contains("Mix port:   127.0.0.1:" + daemon.mixAddress().getPort()), console());

        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"up\""), health.body());

        TestClient owner = new TestClient(URI.create("http://127.0.0.1:" + adminPort + "/"), Optional.empty());
        assertEquals(200, owner.get("/claim").status());
        assertEquals(403, owner.postRaw("/claim", Map.of("code", code.group(1)), Map.of()).status(), "no CSRF token");
        TestClient.Response claimed = owner.post("/claim", Map.of("code", code.group(1)));
        assertEquals("/claim/password", claimed.location(), claimed.body());
        owner.get("/claim/password");
        assertEquals(303, owner.post("/claim/password", Map.of("password", PASSWORD, "confirm", PASSWORD)).status());
        Path hash = dir.resolve("data/admin/password.argon2id");
        assertTrue(Files.readString(hash).startsWith("$argon2id$"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(hash)));

        // Bonding waits for its checklist: no public address in use and no terms yet, so no details to copy.
        String keysPage = owner.get("/setup/keys").body();
        assertTrue(keysPage.contains("id=\"check-host\" class=\"todo\""), keysPage);
        assertTrue(keysPage.contains("id=\"check-terms\" class=\"todo\""), keysPage);
        assertFalse(keysPage.contains(daemon.identity().publicKeyBase58()), "no bonding details before the checklist passes");
        // The terms and location, from the Settings page, go into the real config file and tick the checklist.
        assertEquals(303, owner.post("/settings/terms", Map.of("acceptTerms", "on", "location", "de")).status());
        String file = Files.readString(dir.resolve("data").resolve("masknode.toml"));
        assertTrue(file.contains("accepted_operator_terms_and_conditions = true") && file.contains("location = \"DE\""), file);
        assertTrue(owner.get("/bonding").body().contains("id=\"check-terms\" class=\"done\""));

        TestClient stranger = new TestClient(URI.create("http://127.0.0.1:" + adminPort + "/"), Optional.empty());
        stranger.get("/login");
        for (int i = 0; i < 5; i++) assertEquals(401, stranger.post("/login", Map.of("password", "guess " + i)).status());
        TestClient.Response locked = stranger.post("/login", Map.of("password", "guess 5"));
        assertEquals(429, locked.status());
        assertTrue(locked.header("Retry-After").isPresent());

        assertFalse(composed.dashboard().snapshot().logTail().stream().anyMatch(l -> l.contains(code.group(1))),
                "the claim code stays out of the dashboard's log tail");
        assertTrue(composed.dashboard().snapshot().logTail().stream().anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d Node started, version .*")),
                composed.dashboard().snapshot().logTail().toString());
    }

    @Test
    void settingsAreSavedAtomicallyAndMqttIsReconfiguredLive() throws Exception {
        Files.createDirectories(dir.resolve("mqtt"));
        String nodeId = TelemetrySettings.nodeId(daemon.identity().publicKeyBase58());
        try (MosquittoBroker broker = MosquittoBroker.start(dir.resolve("mqtt"));
             TopicRecorder homeAssistant = new TopicRecorder(broker.tcpUrl(), "masknode/" + nodeId + "/#")) {
            NodeSettings before = composed.settings().read();
            assertFalse(before.mqtt().enabled());
            composed.settings().apply(before.withIdentity("Living room", "A node under the TV")
                    .withMqtt(new MqttSettings(broker.tcpUrl(), "", "", false)));

            homeAssistant.awaitPayload("masknode/" + nodeId + "/availability", "online", Duration.ofSeconds(20));
        }
        Path file = dir.resolve("data").resolve(ConfigLoader.FILE_NAME);
        String text = Files.readString(file);
        assertTrue(text.contains("name = \"Living room\""), text);
        assertTrue(text.contains("enabled = true"), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var leftovers = Files.list(file.getParent())) {
            assertTrue(leftovers.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temp file left behind");
        }
        assertEquals("Living room", ConfigLoader.check(file).node().name());
        assertEquals("Living room", composed.settings().read().name());

        HttpResponse<String> description = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/api/v1/description")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(description.body().contains("Living room"), "the API shows the new name at once: " + description.body());
    }
}
