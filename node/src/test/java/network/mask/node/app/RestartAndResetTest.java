package network.mask.node.app;

import network.mask.node.history.HistoryWiring;
import network.mask.node.reachability.ReachabilityLog;

import network.mask.node.maintenance.BackupFileSet;
import network.mask.node.maintenance.DataFiles;
import network.mask.node.setuppage.FileCredentialStore;
import network.mask.node.setuppage.NodeBondingKeys;
import network.mask.node.telemetrylink.TelemetrySettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import network.mask.node.config.ConfigLoader;
import network.mask.node.config.NodeConfig;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.keys.Base58;
import network.mask.node.systemd.SdNotify;
import network.mask.node.testing.TestNodes;
import network.mask.node.testing.ToyOnion;
import network.mask.webui.spi.NodeSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restart, factory reset, backup and bonding signatures against a composed dev node and its data directory. */
class RestartAndResetTest {

    @TempDir Path dir;
    NodeConfig config;
    Appliance appliance;
    NodeDaemon daemon;
    ApplianceServices.Composed composed;

    @BeforeEach
    void start() throws Exception {
        config = ConfigLoader.load(new ConfigLoader.Overrides(null, dir.resolve("data"), TestNodes.freePort(),
                TestNodes.freePort(), TestNodes.freePort(), null, true));
        appliance = Appliance.open(config, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                SdNotify.disabled());
        daemon = startNode();
    }

    NodeDaemon startNode() throws Exception {
        NodeDaemon d = NodeDaemon.builder(config).hopEngines(ToyOnion::engine).build();
        composed = ApplianceServices.addTo(d, appliance);
        d.start();
        appliance.running(d);
        return d;
    }

    @AfterEach
    void stop() {
        daemon.stop(Duration.ofMillis(200));
        appliance.close();
    }

    void awaitStopped(NodeDaemon d) throws Exception {
        CompletableFuture.runAsync(() -> {
            try {
                d.awaitStopped();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).get(20, TimeUnit.SECONDS);
    }

    @Test
    void restartStopsTheNodeAndTheNextStartKeepsKeysAndReadsTheSavedSettings() throws Exception {
        String identity = daemon.identity().publicKeyBase58();
        NodeSettings s = composed.settings().read();
        composed.settings().apply(s.withIdentity("Kitchen", ""));
        composed.control().restart();
        awaitStopped(daemon);
        assertTrue(appliance.takeRestart());
        assertTrue(appliance.healthy(), "the watchdog vouches for a node in the middle of a restart");

        config = ConfigLoader.load(new ConfigLoader.Overrides(null, dir.resolve("data"), config.mixnet().port(),
                config.api().port(), config.admin().port(), null, true));
        daemon = startNode();
        assertEquals(identity, daemon.identity().publicKeyBase58());
        assertEquals("Kitchen", composed.settings().read().name());
        assertFalse(appliance.takeRestart(), "one request, one restart");
    }

    @Test
    void factoryResetErasesPasswordKeysAndSettingsBetweenStopAndStart() throws Exception {
        Path data = dir.resolve("data");
        new FileCredentialStore(new DataFiles(data).adminHash()).store("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
        composed.settings().apply(composed.settings().read().withIdentity("Attic", ""));
        String identity = daemon.identity().publicKeyBase58();
        Files.writeString(data.resolve(ReachabilityLog.FILE_NAME), "{}");
        Files.write(data.resolve(HistoryWiring.FILE_NAME), new byte[] {1, 2, 3});

        composed.control().factoryReset();
        awaitStopped(daemon);
        assertTrue(Files.exists(data.resolve("keys").resolve("identity_ed25519.key")), "nothing erased before the node stopped");
        assertTrue(appliance.takeRestart());

        assertFalse(Files.exists(new DataFiles(data).adminHash()));
        assertFalse(Files.exists(data.resolve(ConfigLoader.FILE_NAME)));
        assertFalse(Files.exists(data.resolve(HistoryWiring.FILE_NAME)), "the previous owner's traffic history is erased");
        assertFalse(Files.exists(data.resolve(ReachabilityLog.FILE_NAME)), "and the reachability evidence");
        try (var keys = Files.list(data.resolve("keys"))) {
            assertEquals(0, keys.count());
        }
        config = ConfigLoader.load(new ConfigLoader.Overrides(null, data, config.mixnet().port(),
                config.api().port(), config.admin().port(), null, true));
        daemon = startNode();
        assertNotEquals(identity, daemon.identity().publicKeyBase58(), "new keys at the next start");
        assertEquals("Mask Node", composed.settings().read().name(), "settings back to defaults");
    }

    @Test
    void backupRestoresOnlyWhatIsValidAndWritesNothingOtherwise() throws Exception {
        Path data = dir.resolve("data");
        BackupFileSet backups = new BackupFileSet(new DataFiles(data), data.resolve(ConfigLoader.FILE_NAME));
        composed.settings().apply(composed.settings().read().withIdentity("Cellar", ""));
        Map<String, byte[]> exported = backups.exportFiles();
        assertTrue(exported.containsKey(BackupFileSet.IDENTITY) && exported.containsKey(BackupFileSet.CONFIG), exported.keySet().toString());
        byte[] identityFile = Files.readAllBytes(data.resolve(BackupFileSet.IDENTITY));

        Map<String, byte[]> badConfig = new java.util.HashMap<>(exported);
        badConfig.put(BackupFileSet.CONFIG, "[mixnet]\nport = 0\n".getBytes(StandardCharsets.UTF_8));
        badConfig.put(BackupFileSet.IDENTITY, otherIdentityFile());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backups.importFiles(badConfig));
        assertTrue(e.getMessage().contains("config"), e.getMessage());
        assertEquals(new String(identityFile), Files.readString(data.resolve(BackupFileSet.IDENTITY)), "no partial restore");

        Map<String, byte[]> badKey = new java.util.HashMap<>(exported);
        badKey.put(BackupFileSet.PRIMARY, "private_key = \"notbase58!\"\n".getBytes(StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> backups.importFiles(badKey));
        assertThrows(IllegalArgumentException.class, () -> backups.importFiles(Map.of("../etc/passwd", new byte[1])));
        // Wrong types from a crafted backup: a plain refusal, never another exception (D11).
        byte[] binary = {0, (byte) 0xff, (byte) 0xfe, 7, '"', '\\', '\n', (byte) 0x80};
        for (String name : List.of(BackupFileSet.IDENTITY, BackupFileSet.PRIMARY, BackupFileSet.CONFIG, BackupFileSet.ADMIN)) {
            Map<String, byte[]> wrongType = new java.util.HashMap<>(exported);
            wrongType.put(name, binary);
            assertThrows(IllegalArgumentException.class, () -> backups.importFiles(wrongType), name);
        }
        Map<String, byte[]> numberForText = new java.util.HashMap<>(exported);
        numberForText.put(BackupFileSet.CONFIG, "[node]\nname = 5\n".getBytes(StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> backups.importFiles(numberForText));
        assertEquals(new String(identityFile), Files.readString(data.resolve(BackupFileSet.IDENTITY)), "still nothing written");

        Map<String, byte[]> good = new java.util.HashMap<>(exported);
        good.put(BackupFileSet.IDENTITY, otherIdentityFile());
        backups.importFiles(good);
        assertEquals(new String(otherIdentityFile()), Files.readString(data.resolve(BackupFileSet.IDENTITY)));
    }

    private byte[] otherIdentityFile() throws Exception {
        Path other = dir.resolve("other");
        new network.mask.node.keys.KeyStore(other, new java.security.SecureRandom(new byte[] {1})).loadOrCreate();
        return Files.readAllBytes(other.resolve(BackupFileSet.IDENTITY));
    }

    @Test
    void contractMessagesAreSignedAsNymNodeSignsThem() throws Exception {
        NodeBondingKeys bonding = new NodeBondingKeys(daemon::keys, daemon.configStore());
        byte[] payload = "{\"nonce\":1,\"algorithm\":\"ed25519\"}".getBytes(StandardCharsets.UTF_8);
        String signature = bonding.signContractMessage("  " + Base58.encode(payload) + "\n");
        byte[] sig = Base58.decode(signature);
        assertEquals(64, sig.length);
        var verifier = new org.bouncycastle.crypto.signers.Ed25519Signer();
        verifier.init(false, new org.bouncycastle.crypto.params.Ed25519PublicKeyParameters(daemon.identity().publicKey(), 0));
        verifier.update(payload, 0, payload.length);
        assertTrue(verifier.verifySignature(sig), "an ed25519 signature over the decoded bytes");
        assertThrows(IllegalArgumentException.class, () -> bonding.signContractMessage("0OIl"));
        assertThrows(IllegalArgumentException.class, () -> bonding.signContractMessage(Base58.encode("not json {".getBytes())));
        assertEquals(TelemetrySettings.nodeId(daemon.identity().publicKeyBase58()), bonding.keys().nodeId());
    }
}
