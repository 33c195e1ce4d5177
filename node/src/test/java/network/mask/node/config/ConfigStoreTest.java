package network.mask.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {

    @TempDir Path dir;

    @Test
    void savingChangesKeepsTheOperatorsCommentsAndLayout() throws Exception {
        Path f = dir.resolve("masknode.toml");
        Files.writeString(f, """
                # my node, set up by hand
                [node]
                name = "old name"   # shown to the world

                [mixnet]
                port = 1789
                """);
        NodeConfig loaded = ConfigLoader.check(f);
        ConfigStore store = new ConfigStore(loaded);
        store.save(loaded.with(ConfigSchema.NODE_NAME, "new \"name\"")
                .with(ConfigSchema.LED_BRIGHTNESS, 20)
                .with(ConfigSchema.NODE_DESCRIPTION, "in the hallway"));
        String text = Files.readString(f);
        assertTrue(text.startsWith("# my node, set up by hand\n[node]\nname = \"new \\\"name\\\"\"   # shown to the world\n"), text);
        assertTrue(text.contains("description = \"in the hallway\""), text);
        assertTrue(text.contains("[led]\nbrightness = 20"), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        NodeConfig back = ConfigLoader.check(f);
        assertEquals("new \"name\"", back.node().name());
        assertEquals(20, back.led().brightness());
        assertEquals("in the hallway", back.node().description());
    }

    @Test
    void aNewFileIsTheDocumentedTemplateWithTheChangesActive() throws Exception {
        NodeConfig defaults = ConfigLoader.load(ConfigFlags.parse(List.of("--data", dir.toString())).overrides());
        ConfigStore store = new ConfigStore(defaults);
        assertEquals(dir.resolve("masknode.toml"), store.file());
        store.save(defaults.with(ConfigSchema.MQTT_ENABLED, true).with(ConfigSchema.MQTT_URL, "tcp://10.0.0.9:1883")
                .with(ConfigSchema.REPLAY_SAVE_INTERVAL, Duration.ofMinutes(5)));
        String text = Files.readString(store.file());
        assertTrue(text.contains("\nenabled = true\n"), text);
        assertTrue(text.contains("\nurl = \"tcp://10.0.0.9:1883\"\n"), text);
        assertTrue(text.contains("\nsave_interval = \"5m\"\n"), text);
        assertTrue(text.contains("# port = 1789"), text);   // untouched defaults stay commented out
        NodeConfig back = ConfigLoader.check(store.file());
        assertEquals("tcp://10.0.0.9:1883", back.mqtt().url());
        assertEquals(Duration.ofMinutes(5), back.replay().saveInterval());
    }

    @Test
    void commandLineOverridesAreNotWrittenToTheFile() throws Exception {
        Path f = dir.resolve("masknode.toml");
        Files.writeString(f, "[mixnet]\nport = 1789\n");
        NodeConfig running = ConfigLoader.load(ConfigFlags.parse(List.of("--config", f.toString(), "--mix-port", "5555", "--dev")).overrides());
        new ConfigStore(running).save(running.with(ConfigSchema.NODE_NAME, "renamed"));
        NodeConfig back = ConfigLoader.check(f);
        assertEquals(1789, back.mixnet().port());
        assertEquals("::", back.api().bindHost());
        assertEquals("renamed", back.node().name());
    }

    @Test
    void invalidChangesAreRefusedAndTheFileIsLeftAlone() throws Exception {
        Path f = dir.resolve("masknode.toml");
        Files.writeString(f, "[node]\nname = \"x\"\n");
        NodeConfig loaded = ConfigLoader.check(f);
        ConfigStore store = new ConfigStore(loaded);
        ConfigException e = assertThrows(ConfigException.class, () -> store.save(loaded.with(ConfigSchema.LED_BRIGHTNESS, 101)));
        assertTrue(e.getMessage().contains("led.brightness: expected an integer from 0 to 100"), e.getMessage());
        assertThrows(ConfigException.class, () -> store.save(loaded.with(ConfigSchema.API_PORT, 1789)));
        assertEquals("[node]\nname = \"x\"\n", Files.readString(f));
    }

    @Test
    void keysValidateFormFieldsTheSameWay() {
        assertEquals(8081, ConfigSchema.API_PORT.parse(8081L));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigSchema.NODE_SECURITY_CONTACT.parse("nope"));
        assertTrue(e.getMessage().startsWith("node.security_contact: expected an e-mail address"), e.getMessage());
        assertEquals(Duration.ofMillis(1500), ConfigSchema.MIX_CONNECT_TIMEOUT.parse("1500ms"));
    }
}
