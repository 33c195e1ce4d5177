package network.mask.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import network.mask.node.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir Path dir;

    Path file(String text) throws Exception {
        Path f = dir.resolve("masknode.toml");
        Files.writeString(f, text);
        return f;
    }

    List<String> problems(String text) throws Exception {
        return assertThrows(ConfigException.class, () -> ConfigLoader.check(file(text))).problems();
    }

    @Test
    void anEmptyFileGivesDefaultsThatRun() throws Exception {
        NodeConfig c = ConfigLoader.check(file("# nothing set\n"));
        assertEquals(1789, c.mixnet().port());
        assertEquals(8080, c.api().port());
        assertEquals("::", c.mixnet().bindHost());
        assertEquals(7, c.mixnet().framingVersion());
        assertEquals(Duration.ofSeconds(10), c.mixnet().maxDelay());
        assertEquals(Path.of("/var/lib/masknode"), c.node().dataDir());
        assertFalse(c.mixnet().allowPrivateNextHops());
        assertEquals(1e-6, c.replay().falsePositiveRate());
        assertTrue(c.crypto().overrides().isEmpty());
    }

    @Test
    void readsValuesOfEveryType() throws Exception {
        NodeConfig c = ConfigLoader.check(file("""
                [node]
                name = "Kitchen node"   # trailing comment
                description = 'literal \\ string'
                wallet = "n1qy352eufqy352eufqy352eufqy352eufmzwkk5"

                [mixnet]
                port = 1_790
                framing_version = 8
                max_delay = "2s"

                [replay]
                false_positive_rate = 1e-7

                [mqtt]
                enabled = true
                url = "ssl://broker.lan:8883"
                tls = true

                [crypto]
                x25519 = "sodium"
                """));
        assertEquals("Kitchen node", c.node().name());
        assertEquals("literal \\ string", c.node().description());
        assertEquals(1790, c.mixnet().port());
        assertEquals(8, c.mixnet().framingVersion());
        assertEquals(Duration.ofSeconds(2), c.mixnet().maxDelay());
        assertEquals(1e-7, c.replay().falsePositiveRate());
        assertTrue(c.mqtt().enabled());
        assertEquals(java.util.Map.of("x25519", "sodium"), c.crypto().overrides());
    }

    @Test
    void everyProblemIsReportedWithItsLine() throws Exception {
        List<String> p = problems("""
                [mixnet]
                port = 70000
                prot = 1789
                framing_version = "7"
                max_delay = "10 seconds"

                [limits]
                shutdown_grace = 3

                [nonsense]
                a = 1
                """);
        String all = String.join("\n", p);
        assertTrue(all.contains("masknode.toml:2: mixnet.port: expected an integer from 1 to 65535, got 70000"), all);
        assertTrue(all.contains("masknode.toml:3: unknown key 'prot' in [mixnet] (did you mean 'port'?)"), all);
        assertTrue(all.contains("masknode.toml:4: mixnet.framing_version: expected an integer from 7 to 8, got \"7\""), all);
        assertTrue(all.contains("masknode.toml:5: mixnet.max_delay: expected a duration"), all);
        assertTrue(all.contains("masknode.toml:8: limits.shutdown_grace: expected a duration"), all);
        assertTrue(all.contains("masknode.toml:11: unknown section [nonsense]"), all);
        assertEquals(6, p.size(), all);
    }

    @Test
    void syntaxErrorsAreReportedWithTheirLine() throws Exception {
        String all = String.join("\n", problems("""
                [node]
                name = "unterminated
                description = value without quotes
                [node]
                arr = [1, 2]
                """));
        assertTrue(all.contains(":2: string is not closed"), all);
        assertTrue(all.contains(":3: 'value' is not a value: put text in double quotes"), all);
        assertTrue(all.contains(":4: section [node] appears twice"), all);
        assertTrue(all.contains(":5: arrays and inline tables are not supported"), all);
    }

    @Test
    void settingsThatContradictEachOtherAreReported() throws Exception {
        String all = String.join("\n", problems("""
                [mixnet]
                reconnect_initial = "2m"
                reconnect_max = "1m"
                [api]
                port = 1789
                [mqtt]
                enabled = true
                [limits]
                max_frame_bytes = 1000
                """));
        assertTrue(all.contains("reconnect_initial (2m) is longer than mixnet.reconnect_max (1m)"), all);
        assertTrue(all.contains("api.port = 1789 is already used"), all);
        assertTrue(all.contains("mqtt.enabled is true but mqtt.url is empty"), all);
        assertTrue(all.contains("limits.max_frame_bytes = 1000 refuses regular 2413-byte packets"), all);
    }

    @Test
    void secretsAreNotEchoedInMessages() throws Exception {
        String all = String.join("\n", problems("[mqtt]\npassword = 12345\n"));
        assertFalse(all.contains("12345"), all);
        String tooLong = "x".repeat(300);
        all = String.join("\n", problems("[api]\nmetrics_token = \"" + tooLong + "\"\n"));
        assertFalse(all.contains(tooLong), all);
    }

    @Test
    void flagsOverrideTheFile() throws Exception {
        Path f = file("[mixnet]\nport = 2000\n[node]\ndata_dir = \"/srv/node\"\n");
        ConfigFlags.Parsed p = ConfigFlags.parse(List.of("--config", f.toString(), "--mix-port", "3000", "--api-port=3001",
                "--admin-port", "3002", "--mqtt", "tcp://10.0.0.2:1883", "--data", dir.resolve("d").toString()));
        NodeConfig c = ConfigLoader.load(p.overrides());
        assertEquals(3000, c.mixnet().port());
        assertEquals(3001, c.api().port());
        assertEquals(3002, c.admin().port());
        assertTrue(c.mqtt().enabled());
        assertEquals("tcp://10.0.0.2:1883", c.mqtt().url());
        assertEquals(dir.resolve("d"), c.node().dataDir());
        assertEquals(f, c.source());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConfigFlags.parse(List.of("--mix-port", "0")))
                .getMessage().contains("--mix-port expects a port"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(
                ConfigFlags.parse(List.of("--mqtt", "ftp://x", "--data", dir.toString())).overrides()))
                .getMessage().contains("mqtt.url"));
    }

    @Test
    void devRunsOnLocalhostWithALocalDataDirectory() throws Exception {
        NodeConfig c = ConfigLoader.load(ConfigFlags.parse(List.of("--dev", "--data", dir.toString())).overrides());
        assertTrue(c.dev());
        assertEquals("127.0.0.1", c.api().bindHost());
        assertEquals("127.0.0.1", c.admin().bindHost());
        assertEquals("127.0.0.1", c.mixnet().bindHost());
        assertTrue(c.mixnet().allowPrivateNextHops());
        NodeConfig plain = ConfigLoader.load(ConfigFlags.parse(List.of("--dev")).overrides());
        assertEquals(Path.of(ConfigLoader.DEV_DATA_DIR).toAbsolutePath(), plain.node().dataDir());
    }

    @Test
    void theDataDirectorysConfigFileIsUsedWhenPresent() throws Exception {
        NodeConfig none = ConfigLoader.load(ConfigFlags.parse(List.of("--data", dir.toString())).overrides());
        assertEquals(1789, none.mixnet().port());
        assertEquals(dir.resolve("masknode.toml"), none.source());
        file("[mixnet]\nport = 4444\n");
        NodeConfig found = ConfigLoader.load(ConfigFlags.parse(List.of("--data", dir.toString())).overrides());
        assertEquals(4444, found.mixnet().port());
        assertTrue(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(ConfigFlags.parse(List.of("--config", dir.resolve("missing.toml").toString())).overrides()))
                .getMessage().contains("does not exist"));
    }

    @Test
    void configCheckCommandExitsByVerdict() throws Exception {
        Path good = file("[node]\nname = \"ok\"\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"config", "check", good.toString()}, new PrintStream(out), new PrintStream(err)));
        assertTrue(out.toString().contains("OK"), out.toString());
        Path bad = dir.resolve("bad.toml");
        Files.writeString(bad, "[mixnet]\nport = -1\n");
        err.reset();
        assertEquals(1, Main.run(new String[] {"config", "check", bad.toString()}, new PrintStream(out), new PrintStream(err)));
        assertTrue(err.toString().contains("bad.toml:2: mixnet.port"), err.toString());
    }

    @Test
    void theDefaultsFileIsItselfValidAndDocumentsEveryKey() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"config", "defaults"}, new PrintStream(out), new PrintStream(new ByteArrayOutputStream())));
        String text = out.toString();
        for (ConfigKey<?> k : ConfigSchema.keys()) assertTrue(text.contains("# " + k.name() + " = "), k.path());
        NodeConfig c = ConfigLoader.check(file(text));
        assertEquals(NodeConfig.defaults().values(), c.values());
        assertNull(NodeConfig.defaults().source());
    }
}
