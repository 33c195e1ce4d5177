package network.mask.node.setuppage;

import network.mask.node.telemetrylink.TelemetryService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import network.mask.board.Board;
import network.mask.board.BoardConfig;
import network.mask.node.config.ConfigFlags;
import network.mask.node.config.ConfigLoader;
import network.mask.node.config.ConfigStore;
import network.mask.node.config.NodeConfig;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.telemetry.DeviceInfo;
import network.mask.node.telemetry.HealthSource;
import network.mask.node.telemetry.NodeActions;
import network.mask.webui.spi.NodeSettings;
import network.mask.webui.spi.SettingsRefusedException;
import network.mask.webui.validation.FieldErrors;
import network.mask.webui.validation.SettingsValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * D13: the setup page's form limits equal the config's. Every form field is walked with its largest
 * value (and the hardest characters) through the page's own validator and into the real config file,
 * which must take it; one past the limit the validator must refuse it with a message, so the config
 * never sees a value it would refuse (that used to be a 500 with a stack trace).
 */
class SetupFormLimitsTest {

    private static final String WALLET = "n1jw6mp7d5xqc7w6xm79lha27glmd0vdt3l9artf";
    private static final String HOST_253 = ("a".repeat(62) + ".").repeat(4) + "b";

    @TempDir Path dir;
    private ConfigStore store;

    @BeforeEach
    void freshConfig() throws Exception {
        store = new ConfigStore(ConfigLoader.load(ConfigFlags.parse(List.of("--data", dir.toString())).overrides()));
    }

    record Case(String step, String field, String value) {
        @Override
        public String toString() {
            return step + "." + field + " (" + value.length() + " units)";
        }
    }

    static Stream<Arguments> largestValues() {
        return Stream.of(
                new Case("node", "name", "n".repeat(SettingsValidator.NAME_MAX)),
                new Case("node", "name", "\uD83D\uDE00".repeat(SettingsValidator.NAME_MAX / 2)),
                new Case("node", "description", "d".repeat(SettingsValidator.DESCRIPTION_MAX)),
                new Case("node", "description", ("d\"\\\u00e9\t".repeat(19) + "dd\r\n").repeat(5)),
                new Case("network", "publicHost", HOST_253),
                new Case("network", "mixPort", "65535"),
                new Case("network", "apiPort", "65535"),
                new Case("network", "mixPort", "1"),
                new Case("wallet", "wallet", WALLET),
                new Case("mqtt", "mqttUrl", "tcp://127.0.0.1:65535"),
                new Case("mqtt", "mqttUser", "u".repeat(SettingsValidator.MQTT_USER_MAX)),
                new Case("mqtt", "mqttPassword", "p\"\\\u00e9".repeat(SettingsValidator.MQTT_PASSWORD_MAX / 4)),
                new Case("led", "ledBrightness", "100"),
                new Case("led", "ledBrightness", "0")
        ).map(Arguments::of);
    }

    static Stream<Arguments> onePastTheLimit() {
        return Stream.of(
                new Case("node", "name", "n".repeat(SettingsValidator.NAME_MAX + 1)),
                new Case("node", "name", "\uD83D\uDE00".repeat(SettingsValidator.NAME_MAX / 2) + "n"),
                new Case("node", "description", "d".repeat(SettingsValidator.DESCRIPTION_MAX + 1)),
                new Case("network", "publicHost", HOST_253 + "c"),
                new Case("network", "mixPort", "65536"),
                new Case("network", "apiPort", "0"),
                new Case("wallet", "wallet", WALLET + "q"),
                new Case("mqtt", "mqttUrl", "tcp://127.0.0.1:65536"),
                new Case("mqtt", "mqttUser", "u".repeat(SettingsValidator.MQTT_USER_MAX + 1)),
                new Case("mqtt", "mqttPassword", "p".repeat(SettingsValidator.MQTT_PASSWORD_MAX + 1)),
                new Case("led", "ledBrightness", "101")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("largestValues")
    void theLargestValueTheFormAcceptsIsSavedByTheConfig(Case c) throws Exception {
        FieldErrors errors = new FieldErrors();
        NodeSettings settings = validate(c, errors);
        assertNotNull(settings, () -> "the form refused its own maximum: " + errors);
        store.save(SettingsMapping.apply(store.current(), settings));
        NodeSettings back = SettingsMapping.toSettings(ConfigLoader.check(store.file()).withSource(store.file()));
        assertEquals(settings, back, "read back from the file as saved");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onePastTheLimit")
    void oneMoreIsRefusedByTheFormWithAMessage(Case c) {
        FieldErrors errors = new FieldErrors();
        assertNull(validate(c, errors));
        assertTrue(errors.get(c.field()).isPresent(), () -> "a message under " + c.field() + ": " + errors);
    }

    @Test
    void whatTheConfigRefusesAnywayComesBackTypedNotAsACrash() throws Exception {
        Board board = Board.open(BoardConfig.defaults(dir).withRoot(dir).withOnboardLeds(false));
        try {
            TelemetryService telemetry = new TelemetryService(NodeConfig.defaults(),
                    new DeviceInfo("test", "0", null, "id", "http://127.0.0.1/", null), "test", new MixMetrics(),
                    HealthSource.NONE, new NodeActions() {
                        public void identify() {}
                        public void restart() {}
                    });
            ConfigSettingsStore settings = new ConfigSettingsStore(store, telemetry, board);
            NodeSettings tooLong = settings.read().withIdentity("n".repeat(51), "");
            SettingsRefusedException e = assertThrows(SettingsRefusedException.class, () -> settings.apply(tooLong));
            assertTrue(e.getMessage().contains("at most 50 characters"), e.getMessage());
        } finally {
            board.close();
        }
    }

    private NodeSettings validate(Case c, FieldErrors errors) {
        Map<String, String> form = new HashMap<>(switch (c.step()) {
            case "node" -> Map.of("name", "Attic node", "description", "");
            case "network" -> Map.of("publicHost", "node.example.net", "mixPort", "1789", "apiPort", "8080");
            case "wallet" -> Map.of("wallet", WALLET);
            case "mqtt" -> Map.of("mqttUrl", "tcp://127.0.0.1:1883", "mqttUser", "homeassistant", "mqttPassword", "s3cret");
            case "led" -> Map.of("ledBrightness", "60", "ledOn", "on");
            default -> throw new IllegalArgumentException(c.step());
        });
        form.put(c.field(), c.value());
        SettingsValidator v = new SettingsValidator(8000, false);
        NodeSettings current = SettingsMapping.toSettings(store.current());
        return switch (c.step()) {
            case "node" -> v.identity(current, form::get, errors);
            case "network" -> v.network(current, form::get, errors);
            case "wallet" -> v.wallet(current, form::get, errors);
            case "mqtt" -> v.mqtt(current, form::get, errors);
            default -> v.led(current, form::get, errors);
        };
    }
}
