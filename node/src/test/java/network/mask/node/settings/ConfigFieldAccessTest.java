package network.mask.node.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import network.mask.node.config.ConfigLoader;
import network.mask.node.config.ConfigSchema;
import network.mask.node.config.ConfigStore;
import network.mask.node.config.NodeConfig;
import network.mask.webui.spi.SettingsRefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Settings sections' config keys: read and saved by path with the config file's own rules, all or nothing. */
class ConfigFieldAccessTest {

    @TempDir Path dir;

    @Test
    void readsTheKeysThePageMayChangeAndNoOthers() {
        ConfigFieldAccess fields = new ConfigFieldAccess(new ConfigStore(dir.resolve("masknode.toml"), NodeConfig.defaults()));
        Map<String, String> read = fields.read(List.of("node.location", "node.accepted_operator_terms_and_conditions",
                "mqtt.interval", "api.metrics_token", "node.data_dir", "mqtt.ca_file_if_unknown"));
        assertEquals(Map.of("node.location", "", "node.accepted_operator_terms_and_conditions", "false",
                "mqtt.interval", "30s", "api.metrics_token", ""), read, "data_dir and unknown keys are not the page's");
    }

    @Test
    void savesTextWithTheFileRulesIntoTheFile() throws Exception {
        Path file = dir.resolve("masknode.toml");
        ConfigStore store = new ConfigStore(file, NodeConfig.defaults());
        NodeConfig saved = new ConfigFieldAccess(store).apply(Map.of("node.location", "DE",
                "node.accepted_operator_terms_and_conditions", "true", "mqtt.interval", "1m", "admin.tls", "true"));
        assertEquals("DE", saved.node().location());
        assertTrue(saved.node().acceptedOperatorTermsAndConditions());
        NodeConfig reread = ConfigLoader.check(file);
        assertEquals("DE", reread.node().location());
        assertEquals(java.time.Duration.ofMinutes(1), ConfigSchema.MQTT_INTERVAL.read(reread));
        assertTrue(reread.admin().tls());
    }

    @Test
    void aRefusedValueNamesTheKeyAndWritesNothing() throws Exception {
        Path file = dir.resolve("masknode.toml");
        ConfigStore store = new ConfigStore(file, NodeConfig.defaults());
        SettingsRefusedException e = assertThrows(SettingsRefusedException.class, () -> new ConfigFieldAccess(store)
                .apply(Map.of("node.website", "https://ok.example.net", "node.location", "XX")));
        assertTrue(e.getMessage().startsWith("node.location: expected an ISO 3166 two-letter country code"), e.getMessage());
        assertTrue(Files.notExists(file), "nothing written");
        assertEquals("", store.current().node().website());
        assertThrows(SettingsRefusedException.class, () -> new ConfigFieldAccess(store).apply(Map.of("node.data_dir", "/tmp")));
        assertThrows(SettingsRefusedException.class, () -> new ConfigFieldAccess(store).apply(Map.of("admin.tls", "yes")));
    }

    @Test
    void whatWaitsForARestartIsSaidInWords() {
        NodeConfig running = NodeConfig.defaults();
        NodeConfig saved = running.with(ConfigSchema.MIX_PORT, 1790).with(ConfigSchema.API_METRICS_TOKEN, "secret token")
                .with(ConfigSchema.NODE_LOCATION, "DE");
        List<String> pending = RestartPending.between(running, saved);
        assertEquals(List.of("mix port 1790 (now 1789 until the restart)",
                "Prometheus token changed (the node uses the old one until it restarts)"), pending,
                "the location is used at once; the token itself is never shown");
        assertEquals(List.of(), RestartPending.between(saved, saved));
    }
}
