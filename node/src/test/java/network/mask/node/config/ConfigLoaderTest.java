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
        assertEquals(1e-5, c.replay().falsePositiveRate(), "nym-node's default");
        assertTrue(c.crypto().overrides().isEmpty());
        assertTrue(c.board().onboardLeds());
        assertTrue(c.board().button().isEmpty());
        assertTrue(c.board().buttonActiveLow());
        assertTrue(c.board().statusLed().isEmpty());
        assertTrue(c.board().alertLed().isEmpty());
        assertEquals(List.of(), c.board().rgbPins());
        assertFalse(c.admin().tls());
    }

    @Test
    void readsTheBoardWiringAndAdminTls() throws Exception {
        NodeConfig c = ConfigLoader.check(file("""
                [admin]
                tls = true
                [board]
                onboard_leds = false
                button_bcm = 0
                button_active_low = false
                status_led_bcm = 27
                alert_led_bcm = 4
                rgb_led = " 5, 6 ,26 "
                """));
        assertTrue(c.admin().tls());
        assertFalse(c.board().onboardLeds());
        assertEquals(0, c.board().button().getAsInt());
        assertFalse(c.board().buttonActiveLow());
        assertEquals(27, c.board().statusLed().getAsInt());
        assertEquals(4, c.board().alertLed().getAsInt());
        assertEquals(List.of(5, 6, 26), c.board().rgbPins());
        assertEquals("5,6,26", c.board().rgbLed(), "stored without the spaces");
    }

    @Test
    void everyMalformedBoardOrTlsValueIsReportedPrecisely() throws Exception {
        String pin = "expected a BCM GPIO number from 0 to 27, or -1 for none, got ";
        String rgb = "expected three different BCM GPIO numbers from 0 to 27 for red, green and blue in quotes, like \"5,6,26\", or \"\", got ";
        String bool = "expected true or false (without quotes), got ";
        List<String> p = problems("""
                [board]
                button_bcm = 28
                status_led_bcm = -2
                alert_led_bcm = "17"
                button_active_low = "yes"
                onboard_leds = 1
                rgb_led = "5,6"
                [admin]
                tls = "true"
                """);
        String all = String.join("\n", p);
        assertTrue(all.contains(":2: board.button_bcm: " + pin + "28"), all);
        assertTrue(all.contains(":3: board.status_led_bcm: " + pin + "-2"), all);
        assertTrue(all.contains(":4: board.alert_led_bcm: " + pin + "\"17\""), all);
        assertTrue(all.contains(":5: board.button_active_low: " + bool + "\"yes\""), all);
        assertTrue(all.contains(":6: board.onboard_leds: " + bool + "1"), all);
        assertTrue(all.contains(":7: board.rgb_led: " + rgb + "\"5,6\""), all);
        assertTrue(all.contains(":9: admin.tls: " + bool + "\"true\""), all);
        assertEquals(7, p.size(), all);
        for (String bad : List.of("5,6,28", "5,5,6", "5,6,7,8", "a,b,c", "5;6;7", "-1,5,6", "5,6,", "105,6,7")) {
            all = String.join("\n", problems("[board]\nrgb_led = \"" + bad + "\"\n"));
            assertTrue(all.contains(":2: board.rgb_led: " + rgb + "\"" + bad + "\""), bad + " -> " + all);
        }
        all = String.join("\n", problems("[board]\nrgb_led = 5\n"));
        assertTrue(all.contains("board.rgb_led: " + rgb + "5"), all);
        all = String.join("\n", problems("[board]\nbutton_bcm = 1.5\n"));
        assertTrue(all.contains("board.button_bcm: " + pin + "1.5"), all);
    }

    @Test
    void aGpioPinWiredTwiceIsReported() throws Exception {
        List<String> p = problems("""
                [board]
                button_bcm = 17
                status_led_bcm = 17
                alert_led_bcm = 17
                rgb_led = "5,6,17"
                """);
        String all = String.join("\n", p);
        assertTrue(all.contains("board.status_led_bcm = 17 is already used by board.button_bcm"), all);
        assertTrue(all.contains("board.alert_led_bcm = 17 is already used by board.button_bcm"), all);
        assertTrue(all.contains("board.rgb_led = \"5,6,17\" uses GPIO 17, which is already used by board.button_bcm"), all);
        assertEquals(3, p.size(), all);
        NodeConfig ok = ConfigLoader.check(file("[board]\nbutton_bcm = -1\nstatus_led_bcm = -1\nalert_led_bcm = 6\nrgb_led = \"\"\n"));
        assertEquals(6, ok.board().alertLed().getAsInt());
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
    void locationAndTheOperatorTermsAreReadAndDefaultToUnsaid() throws Exception {
        NodeConfig none = ConfigLoader.check(file("# nothing set\n"));
        assertEquals("", none.node().location());
        assertFalse(none.node().acceptedOperatorTermsAndConditions());
        NodeConfig c = ConfigLoader.check(file("""
                [node]
                location = "CH"
                accepted_operator_terms_and_conditions = true
                """));
        assertEquals("CH", c.node().location());
        assertTrue(c.node().acceptedOperatorTermsAndConditions());
        String all = String.join("\n", problems("""
                [node]
                location = "ch"
                accepted_operator_terms_and_conditions = "yes"
                """));
        assertTrue(all.contains("masknode.toml:2: node.location: expected an ISO 3166 two-letter country code"), all);
        assertTrue(all.contains("masknode.toml:3: node.accepted_operator_terms_and_conditions: expected true or false"), all);
        for (String notACountry : List.of("XX", "UK", "DEU")) {
            assertThrows(ConfigException.class, () -> ConfigLoader.check(file("[node]\nlocation = \"" + notACountry + "\"\n")),
                    notACountry);
        }
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
