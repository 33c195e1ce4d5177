package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import network.mask.webui.spi.LedSettings;
import network.mask.webui.spi.MqttSettings;
import network.mask.webui.spi.MqttTester;
import network.mask.webui.spi.NodeSettings;
import network.mask.webui.spi.ReachabilityChecker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each wizard form: valid input is applied, every invalid field is explained and nothing is applied. */
class SetupRoutesTest extends OwnerRoutesTest {

    private static final String WALLET = "n1jw6mp7d5xqc7w6xm79lha27glmd0vdt3l9artf";


    @BeforeEach
    void onTheFirstStep() {
        owner.get("/setup/node");
    }

    private static Map<String, String> valid(String step) {
        return switch (step) {
            case "node" -> Map.of("name", "Attic node", "description", "Runs in the attic.\r\nSays hi.");
            case "network" -> Map.of("publicHost", "Node.Example.NET", "mixPort", "1789", "apiPort", "8080");
            case "wallet" -> Map.of("wallet", WALLET);
            case "mqtt" -> Map.of("mqttUrl", "tcp://192.168.1.10", "mqttUser", "homeassistant", "mqttPassword", "s3cret");
            case "led" -> Map.of("ledBrightness", "35");
            default -> throw new IllegalArgumentException(step);
        };
    }

    private static Map<String, String> with(String step, String... kv) {
        Map<String, String> m = new HashMap<>(valid(step));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Stream<Arguments> invalidFields() {
        String dots = "x".repeat(51);
        return Stream.of(
                // node: name and description
                Arguments.of("node", with("node", "name", "   "), "name", "Give your node a name."),
                Arguments.of("node", with("node", "name", dots), "name", "The name is at most 50 characters (this one has 51)."),
                Arguments.of("node", with("node", "name", "Attic\nnode"), "name", "The name cannot contain line breaks or control characters."),
                Arguments.of("node", with("node", "description", "d".repeat(501)), "description",
                        "The description is at most 500 characters (this one has 501)."),
                Arguments.of("node", with("node", "description", "bell\u0007"), "description", "The description cannot contain control characters."),
                // network: public host
                Arguments.of("network", with("network", "publicHost", ""), "publicHost",
                        "Enter the public IP address or DNS name that reaches your home from the internet."),
                Arguments.of("network", with("network", "publicHost", "http://node.example.net"), "publicHost",
                        "Enter just the host, without http:// or a path."),
                Arguments.of("network", with("network", "publicHost", "node.example.net:1789"), "publicHost",
                        "Enter the host without a port; the ports have their own fields."),
                Arguments.of("network", with("network", "publicHost", "192.168.1.20"), "publicHost",
                        "192.168.1.20 is an address inside your home network; nodes on the internet cannot reach it. "
                                + "Enter your public IP address or a DNS name."),
                Arguments.of("network", with("network", "publicHost", "fe80::1"), "publicHost",
                        "fe80::1 is an address inside your home network; nodes on the internet cannot reach it. "
                                + "Enter your public IP address or a DNS name."),
                Arguments.of("network", with("network", "publicHost", "100.72.3.4"), "publicHost",
                        "100.72.3.4 is a carrier-grade NAT address: your provider shares one public address between customers, "
                                + "so the node cannot be reached. Ask your provider for a public IP."),
                Arguments.of("network", with("network", "publicHost", "203.0.113.9"), "publicHost",
                        "203.0.113.9 is a reserved address, not one on the public internet."),
                Arguments.of("network", with("network", "publicHost", "2001:db8::1"), "publicHost",
                        "2001:db8::1 is a reserved address, not one on the public internet."),
                Arguments.of("network", with("network", "publicHost", "300.1.2.3"), "publicHost",
                        "'300.1.2.3' is not a valid IPv4 address (each number is 0 to 255, without leading zeros)."),
                Arguments.of("network", with("network", "publicHost", "1.2.3"), "publicHost",
                        "'1.2.3' is not a valid IPv4 address (it needs four numbers separated by dots)."),
                Arguments.of("network", with("network", "publicHost", "2001:zz::1"), "publicHost",
                        "'2001:zz::1' is not a valid IPv6 address. To give a port, use the port field."),
                Arguments.of("network", with("network", "publicHost", "bad_name.example.net"), "publicHost",
                        "'bad_name.example.net' is not a valid host name: use letters, digits and hyphens, with dots between "
                                + "the parts and no hyphen at the start or end of a part."),
                Arguments.of("network", with("network", "publicHost", "node..example.net"), "publicHost",
                        "'node..example.net' has an empty part between dots."),
                Arguments.of("network", with("network", "publicHost", "a".repeat(64) + ".example.net"), "publicHost",
                        "Each part of a host name is at most 63 characters."),
                Arguments.of("network", with("network", "publicHost", ("a".repeat(60) + ".").repeat(5) + "net"), "publicHost",
                        "A host name is at most 253 characters."),
                Arguments.of("network", with("network", "publicHost", "masknode.local"), "publicHost",
                        "masknode.local only works inside your home network; enter a name that works from the internet."),
                Arguments.of("network", with("network", "publicHost", "localhost"), "publicHost",
                        "localhost only means this box itself; enter a name that works from the internet."),
                Arguments.of("network", with("network", "publicHost", "mynode"), "publicHost",
                        "Enter a full DNS name such as mynode.example.net (with a dot), or an IP address."),
                // network: ports
                Arguments.of("network", with("network", "mixPort", ""), "mixPort", "Enter the mix port."),
                Arguments.of("network", with("network", "mixPort", "0"), "mixPort", "Mix port must be a whole number from 1 to 65535."),
                Arguments.of("network", with("network", "mixPort", "65536"), "mixPort", "Mix port must be a whole number from 1 to 65535."),
                Arguments.of("network", with("network", "mixPort", "17a9"), "mixPort", "Mix port must be a whole number from 1 to 65535."),
                Arguments.of("network", with("network", "apiPort", ""), "apiPort", "Enter the API port."),
                Arguments.of("network", with("network", "apiPort", "-8080"), "apiPort", "API port must be a whole number from 1 to 65535."),
                Arguments.of("network", with("network", "apiPort", "1789"), "apiPort", "The API port must differ from the mix port (1789)."),
                // wallet
                Arguments.of("wallet", with("wallet", "wallet", "cosmos1jw6mp7d5xqc7w6xm79lha27glmd0vdt3l9artf"), "wallet",
                        "A Nyx wallet address starts with n1."),
                Arguments.of("wallet", with("wallet", "wallet", WALLET.replace("artf", "artg")), "wallet",
                        "The address has a typo: its checksum does not match. Copy it again from your wallet."),
                Arguments.of("wallet", with("wallet", "wallet", WALLET.replace("jw6", "jwi")), "wallet",
                        "The character 'i' at position 5 cannot appear in a wallet address (1, b, i and o are never used after n1)."),
                Arguments.of("wallet", with("wallet", "wallet", "n1JW6mp7d5xqc7w6xm79lha27glmd0vdt3l9artf"), "wallet",
                        "The address mixes upper- and lower-case letters; copy it again from your wallet."),
                Arguments.of("wallet", with("wallet", "wallet", WALLET.substring(0, 30)), "wallet",
                        "The address has a typo: its checksum does not match. Copy it again from your wallet."),
                Arguments.of("wallet", with("wallet", "wallet", "n1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"),
                        "wallet", "This address is too long for a Nyx account: check that you copied only the address."),
                Arguments.of("wallet", with("wallet", "wallet", "n1 jw6mp7d5xqc7w6xm79lha27glmd0vdt3l9artf"), "wallet",
                        "The address contains a space or invisible character at position 3."),
                // mqtt
                Arguments.of("mqtt", with("mqtt", "mqttUrl", "ftp://broker"), "mqttUrl",
                        "Start with mqtt:// (unencrypted) or mqtts:// (TLS), for example mqtt://homeassistant.local:1883."),
                Arguments.of("mqtt", with("mqtt", "mqttUrl", "ws://broker:9001"), "mqttUrl", "WebSocket brokers are not supported; use mqtt:// or mqtts://."),
                Arguments.of("mqtt", with("mqtt", "mqttUrl", "tcp://ha:pw@broker"), "mqttUrl",
                        "Put the user name and password in their own fields, not in the address."),
                Arguments.of("mqtt", with("mqtt", "mqttUrl", "tcp://broker/topic"), "mqttUrl",
                        "The broker address is just host and port, for example mqtt://192.168.1.10:1883."),
                Arguments.of("mqtt", with("mqtt", "mqttUrl", "tcp://broker:0"), "mqttUrl", "The broker port must be a whole number from 1 to 65535."),
                Arguments.of("mqtt", with("mqtt", "mqttUrl", "tcp://fd00::5:1883"), "mqttUrl",
                        "Put an IPv6 address in brackets, like mqtt://[fd00::5]:1883."),
                Arguments.of("mqtt", with("mqtt", "mqttUrl", "tcp://[fd00::5"), "mqttUrl", "An IPv6 address needs a closing ]."),
                Arguments.of("mqtt", with("mqtt", "mqttUrl", "tcp://[fd00::5]1883"), "mqttUrl", "Write the port after the ], like [fd00::5]:1883."),
                Arguments.of("mqtt", with("mqtt", "mqttUrl", "tcp://:1883"), "mqttUrl",
                        "The broker address needs a host, for example mqtt://192.168.1.10:1883."),
                Arguments.of("mqtt", with("mqtt", "mqttUrl", "tcp://my_broker"), "mqttUrl",
                        "'my_broker' is not a valid host name: use letters, digits and hyphens, with dots between the parts and "
                                + "no hyphen at the start or end of a part."),
                Arguments.of("mqtt", with("mqtt", "mqttUrl", "", "mqttUser", "ha", "mqttPassword", ""), "mqttUrl",
                        "Enter the broker address, or clear the user and password to turn MQTT off."),
                Arguments.of("mqtt", with("mqtt", "mqttUser", "", "mqttPassword", "pw"), "mqttUser", "A password needs a user name."),
                Arguments.of("mqtt", with("mqtt", "mqttUser", "u".repeat(201)), "mqttUser", "The user name is at most 200 characters."),
                Arguments.of("mqtt", with("mqtt", "mqttUser", "ha\u0000"), "mqttUser", "The user name cannot contain control characters."),
                Arguments.of("mqtt", with("mqtt", "mqttPassword", "p".repeat(201)), "mqttPassword", "The password is at most 200 characters."),
                Arguments.of("mqtt", with("mqtt", "mqttPassword", "pw\n"), "mqttPassword", "The password cannot contain control characters."),
                // led
                Arguments.of("led", with("led", "ledBrightness", ""), "ledBrightness", "Enter a brightness from 0 to 100."),
                Arguments.of("led", with("led", "ledBrightness", "101"), "ledBrightness", "Brightness must be a whole number from 0 to 100."),
                Arguments.of("led", with("led", "ledBrightness", "-1"), "ledBrightness", "Brightness must be a whole number from 0 to 100."),
                Arguments.of("led", with("led", "ledBrightness", "half"), "ledBrightness", "Brightness must be a whole number from 0 to 100."));
    }

    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @MethodSource("invalidFields")
    void invalidFieldIsExplainedAndNothingIsApplied(String step, Map<String, String> fields, String field, String message) {
        TestClient.Response r = owner.post("/setup/" + step, fields);
        assertEquals(400, r.status(), r.body());
        String escaped = message.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;");
        assertTrue(r.body().contains("<p class=\"field-error\" id=\"" + field + "-error\">" + escaped + "</p>"),
                "expected '" + escaped + "' under " + field + " in\n" + r.body());
        assertTrue(r.body().contains("id=\"" + field + "\" name=\"" + field + "\""));
        assertTrue(r.body().contains("aria-invalid=\"true\""));
        assertEquals(1, r.body().split("class=\"field-error\"", -1).length - 1, "only the broken field is flagged");
        assertTrue(admin.node.applied.isEmpty(), "invalid input never reaches the store");
        assertEquals(1, admin.server.counters().invalidForms());
    }

    @Test
    void theAdminPortCannotBeAnnounced() {
        int adminPort = admin.server.port();
        TestClient.Response r = owner.post("/setup/network", with("network", "mixPort", Integer.toString(adminPort)));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("Port " + adminPort + " is used by this setup page; choose another."));
    }

    @Test
    void validStepsAreAppliedInOrderWithNormalisedValues() {
        TestClient.Response r = owner.post("/setup/node", valid("node"));
        assertEquals(303, r.status(), r.body());
        assertEquals("/setup/network", r.location());
        assertTrue(owner.get("/setup/network").body().contains("Name your node: saved."), "a flash naming the step saved");
        assertEquals("/setup/wallet", owner.post("/setup/network", valid("network")).location());
        assertEquals("/setup/mqtt", owner.post("/setup/wallet", Map.of("wallet", "  " + WALLET.toUpperCase() + " ")).location());
        assertEquals("/setup/led", owner.post("/setup/mqtt", valid("mqtt")).location());
        assertEquals("/setup/keys", owner.post("/setup/led", Map.of("ledBrightness", "35")).location());

        NodeSettings s = admin.node.settings.get();
        assertEquals("Attic node", s.name());
        assertEquals("Runs in the attic. Says hi.", s.description(), "one paragraph: the line break became a space");
        assertEquals("node.example.net", s.publicHost());
        assertEquals(1789, s.mixPort());
        assertEquals(8080, s.apiPort());
        assertEquals(WALLET, s.wallet());
        assertEquals(new MqttSettings("tcp://192.168.1.10:1883", "homeassistant", "s3cret", false), s.mqtt());
        assertEquals(new LedSettings(35, false), s.led(), "an unticked box means off");
        assertEquals(5, admin.node.applied.size());
        assertEquals("/dashboard", owner.get("/").location(), "the wizard's essentials are in");
    }

    @Test
    void textSurvivesTheRoundTripAsUtf8() {
        assertEquals(303, owner.post("/setup/node", Map.of("name", "Café — ☕ 東京", "description", "a+b=c & 100%")).status());
        assertEquals("Café — ☕ 東京", admin.node.settings.get().name());
        assertEquals("a+b=c & 100%", admin.node.settings.get().description());
        assertTrue(owner.get("/setup/node").body().contains("value=\"Café — ☕ 東京\""));
    }

    @Test
    void formsShowTheStoredValuesButNeverTheMqttPassword() {
        admin.node.settings.set(FakeNode.FRESH.withIdentity("Attic <node>", "")
                .withMqtt(new MqttSettings("ssl://broker.local:8883", "ha", "topsecret", true)));
        assertTrue(owner.get("/setup/node").body().contains("value=\"Attic &lt;node&gt;\""));
        String mqtt = owner.get("/setup/mqtt").body();
        assertTrue(mqtt.contains("value=\"ssl://broker.local:8883\""));
        assertFalse(mqtt.contains("mqttTls"), "no TLS checkbox to contradict the address");
        assertTrue(mqtt.contains("This address is encrypted with TLS."), mqtt);
        assertFalse(mqtt.contains("topsecret"));
        assertTrue(mqtt.contains("Leave empty to keep the saved password."));
    }

    @Test
    void mqttKeepsTheSavedPasswordWhenLeftEmptyAndAcceptsIpv6AndTls() {
        admin.node.settings.set(FakeNode.FRESH.withMqtt(new MqttSettings("ssl://broker.local:8883", "ha", "topsecret", true)));
        assertEquals(303, owner.post("/setup/mqtt", Map.of("mqttUrl", "mqtts://[fd00::5]:8884", "mqttUser", "ha",
                "mqttPassword", "")).status());
        assertEquals(new MqttSettings("ssl://[fd00::5]:8884", "ha", "topsecret", true), admin.node.settings.get().mqtt());
        assertEquals(303, owner.post("/setup/mqtt", Map.of("mqttUrl", "broker.local", "mqttUser", "other", "mqttPassword", "")).status());
        assertEquals(new MqttSettings("tcp://broker.local:1883", "other", "", false), admin.node.settings.get().mqtt(),
                "a new user does not inherit the old password");
        assertEquals(303, owner.post("/setup/mqtt", Map.of("mqttUrl", "", "mqttUser", "", "mqttPassword", "")).status());
        assertEquals(MqttSettings.disabled(), admin.node.settings.get().mqtt());
    }

    @Test
    void reachabilityCheckSaysPlainlyAndSavesNothing() {
        admin.node.reachable.put(1789, new ReachabilityChecker.Verdict(true, ""));
        TestClient.Response r = checked("/setup/network/check", valid("network"), "/setup/network");
        assertTrue(r.body().contains("<strong>The box could not reach its own address.</strong>"), r.body());
        assertTrue(r.body().contains("Mix port 1789: the box connected to node.example.net:1789"));
        assertTrue(r.body().contains("API port 8080: could not connect to node.example.net:8080 (connection refused)"));
        assertTrue(r.body().contains("value=\"Node.Example.NET\""), "the form keeps what was typed");
        admin.node.reachable.put(8080, new ReachabilityChecker.Verdict(true, ""));
        r = checked("/setup/network/check", valid("network"), "/setup/network");
        assertTrue(r.body().contains("<strong>The box reached its own address.</strong>"));
        assertFalse(r.body().contains("Reachable"), "a connect from inside is never shown as reachable from the internet");
        assertEquals(List.of("node.example.net:1789", "node.example.net:8080", "node.example.net:1789", "node.example.net:8080"),
                admin.node.reachabilityChecks);
        assertTrue(admin.node.applied.isEmpty());
        r = owner.post("/setup/network/check", with("network", "publicHost", "10.0.0.1"));
        assertEquals(400, r.status());
        assertEquals(4, admin.node.reachabilityChecks.size(), "invalid input is not checked");
    }

    /** Posts a check, asserts the post/redirect/get, and returns the page the redirect leads to. */
    private TestClient.Response checked(String action, Map<String, String> form, String step) {
        TestClient.Response posted = owner.post(action, form);
        assertEquals(303, posted.status(), posted.body());
        assertTrue(posted.location().startsWith(step + "?checked="), posted.location());
        return owner.get(posted.location());
    }

    @Test
    void aReloadAfterACheckShowsTheResultWithoutCheckingAgain() {
        admin.node.reachable.put(1789, new ReachabilityChecker.Verdict(true, ""));
        TestClient.Response posted = owner.post("/setup/network/check", valid("network"));
        String location = posted.location();
        assertTrue(owner.get(location).body().contains("id=\"reachability\""));
        TestClient.Response reload = owner.get(location);
        assertEquals(200, reload.status());
        assertTrue(reload.body().contains("The box could not reach its own address."), reload.body());
        assertTrue(reload.body().contains("value=\"Node.Example.NET\""), "the checked values, not yet saved");
        assertEquals(2, admin.node.reachabilityChecks.size(), "one check: the reload fetched the result, it did not post");
        String fresh = owner.get("/setup/network").body();
        assertFalse(fresh.contains("id=\"reachability\""), "opening the step afresh shows the saved values only");
        assertFalse(owner.get("/setup/network?checked=0123456789abcdef").body().contains("id=\"reachability\""),
                "another id shows nothing");
        assertFalse(owner.get(location.replace("/setup/network", "/setup/mqtt")).body().contains("id=\"reachability\""),
                "the result belongs to its own step");
    }

    @Test
    void mqttTestUsesTheNormalisedSettingsAndSavesNothing() {
        TestClient.Response r = checked("/setup/mqtt/test", valid("mqtt"), "/setup/mqtt");
        assertTrue(r.body().contains("Connected to 192.168.1.10:1883 as homeassistant, not encrypted."), r.body());
        admin.node.mqttResult.set(new MqttTester.Result(false, MqttTester.Problem.LOGIN_REFUSED, ""));
        r = checked("/setup/mqtt/test", valid("mqtt"), "/setup/mqtt");
        assertTrue(r.body().contains("The broker at 192.168.1.10:1883 refused the login: check the user name and password"), r.body());
        String box = r.body().substring(r.body().indexOf("id=\"mqtt-result\""));
        assertFalse(box.substring(0, box.indexOf("</div>")).contains("tcp://"), "the broker is named once, without Paho's scheme");
        assertTrue(r.body().contains("value=\"s3cret\""), "the password just typed stays in the field for saving");
        assertEquals(new MqttSettings("tcp://192.168.1.10:1883", "homeassistant", "s3cret", false), admin.node.mqttTests.get(0));
        r = owner.post("/setup/mqtt/test", Map.of("mqttUrl", ""));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("Enter the broker address to test."));
        assertEquals(2, admin.node.mqttTests.size());
        assertTrue(admin.node.applied.isEmpty());
    }

    @Test
    void tlsOnAPlainPortNamesTheFix() {
        admin.node.mqttResult.set(new MqttTester.Result(false, MqttTester.Problem.PORT_WITHOUT_TLS, "Connection reset"));
        TestClient.Response r = checked("/setup/mqtt/test", Map.of("mqttUrl", "mqtts://192.168.1.10:1883"), "/setup/mqtt");
        assertTrue(r.body().contains("Port 1883 does not speak TLS: try port 8883, or start the address with mqtt:// for an "
                + "unencrypted connection."), r.body());
        assertFalse(r.body().contains("Connection reset"), "no client-library jargon");
        assertEquals(new MqttSettings("ssl://192.168.1.10:1883", "", "", true), admin.node.mqttTests.getLast());
    }

    @Test
    void theAddressAloneDecidesTls() {
        // A leftover "mqttTls" field (an old form) can no longer contradict the address.
        assertEquals(303, owner.post("/setup/mqtt", Map.of("mqttUrl", "mqtt://broker.local", "mqttTls", "on")).status());
        assertEquals(new MqttSettings("tcp://broker.local:1883", "", "", false), admin.node.settings.get().mqtt());
        assertEquals(303, owner.post("/setup/mqtt", Map.of("mqttUrl", "mqtts://broker.local")).status());
        assertEquals(new MqttSettings("ssl://broker.local:8883", "", "", true), admin.node.settings.get().mqtt());
        String page = owner.get("/setup/mqtt").body();
        assertTrue(page.contains("This address is encrypted with TLS."), page);
        admin.node.settings.set(FakeNode.FRESH.withMqtt(new MqttSettings("tcp://broker.local:1883", "", "", false)));
        assertTrue(owner.get("/settings").body().contains("This address is not encrypted. For TLS, start it with mqtts://"));
    }

    @Test
    void aStoreThatCannotWriteIsReportedAndNothingChanges() {
        admin.node.failWrites = true;
        TestClient.Response r = owner.post("/setup/node", valid("node"));
        assertEquals(500, r.status());
        assertTrue(r.body().contains("The node could not save these settings. Nothing was changed"));
        assertEquals(FakeNode.FRESH, admin.node.settings.get());
    }

    @Test
    void theWalletStepIsOptional() {
        TestClient.Response r = owner.post("/setup/wallet", Map.of("wallet", " "));
        assertEquals("/setup/mqtt", r.location(), "an owner without a wallet yet carries on");
        assertEquals("", admin.node.settings.get().wallet());
        String page = owner.get("/setup/wallet").body();
        assertTrue(page.contains("id=\"skip\" href=\"/setup/mqtt\">Skip for now</a>"), page);
        assertTrue(page.contains("<a href=\"/setup/led\">Status lights (optional)</a>"), "every step is a link: " + page);
    }

    /** What the bonding page needs before it shows any details: a running public host and the terms. */
    private void readyToBond() {
        admin.node.settings.set(FakeNode.FRESH.withNetwork("node.example.net", 1789, 8080).withWallet(WALLET));
        admin.node.fields.put("node.accepted_operator_terms_and_conditions", "true");
    }

    @Test
    void bondingDetailsWaitForTheChecklist() {
        admin.node.settings.set(FakeNode.FRESH.withNetwork("node.example.net", 1789, 8080));
        String page = owner.get("/bonding").body();
        assertTrue(page.contains("id=\"check-terms\" class=\"todo\""), page);
        assertTrue(page.contains("id=\"check-reachable\" class=\"unknown\""), page);
        assertTrue(page.contains("id=\"bond-blocked\""), page);
        assertFalse(page.contains("id=\"identity-key\""), "no bonding details yet: " + page);
        TestClient.Response r = owner.post("/bonding/sign", Map.of("contractMessage", "3yZe7dNv2ya"));
        assertEquals(400, r.status());
        assertTrue(admin.node.signedMessages.isEmpty());

        admin.node.fields.put("node.accepted_operator_terms_and_conditions", "true");
        admin.node.reachableFromOutside.set(true);
        page = owner.get("/bonding").body();
        assertTrue(page.contains("id=\"check-terms\" class=\"done\""), page);
        assertTrue(page.contains("id=\"check-reachable\" class=\"done\""), page);
        assertTrue(page.contains("id=\"identity-key\""), page);
        assertTrue(page.contains("Not bonded yet"), page);
        admin.node.bondedNodeId.set(1234L);
        assertTrue(owner.get("/bonding").body().contains("Bonded as node #1234"));
    }

    @Test
    void aHostSavedButNotYetRunningBlocksBonding() {
        readyToBond();
        admin.node.running.set(FakeNode.FRESH.withNetwork("old.example.net", 1789, 8080));
        String page = owner.get("/bonding").body();
        assertTrue(page.contains("id=\"check-host\" class=\"todo\""), page);
        assertTrue(page.contains("A new address is saved; restart the node first."), page);
        assertTrue(page.contains("id=\"restart-now\""), page);
    }

    @Test
    void keysPageShowsWhatTheWalletNeedsAndSigns() {
        readyToBond();
        String page = owner.get("/setup/keys").body();
        assertTrue(page.contains("id=\"bond-host\" type=\"text\" readonly value=\"node.example.net\""));
        assertEquals(1, java.util.regex.Pattern.compile("<label for=\"[^\"]+\">Host\\b").matcher(page).results().count(),
                "one Host row: " + page);
        assertTrue(page.contains("<label for=\"bond-host\">Host (public IP address or domain name)</label>"));
        assertTrue(page.contains("id=\"bond-http-port\" type=\"text\" readonly value=\"8080\""));
        assertTrue(page.contains("<label for=\"identity-key\">Identity key</label>"));
        assertTrue(page.contains("value=\"4yRfauFzZnejJhG2FACTVQ7UnYEcFUYw3HzXrmuwLMaR\""));
        assertTrue(page.contains("data-copy=\"identity-key\""));
        assertFalse(page.contains("masknode-7f3a"), "no cut-off key called a node id");
        assertFalse(page.contains("Node id"));

        String message = WalletMessages.bonding("4yRfauFzZnejJhG2FACTVQ7UnYEcFUYw3HzXrmuwLMaR", "node.example.net", null);
        TestClient.Response r = owner.post("/setup/keys/sign", Map.of("contractMessage", " " + message.substring(0, 20) + "\n "
                + message.substring(20) + " "));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().contains("id=\"signature\" type=\"text\" readonly value=\"sig-" + message.length() + "\""), r.body());
        assertEquals(List.of(message), admin.node.signedMessages);
    }

    static Stream<Arguments> foreignMessages() {
        String ours = "4yRfauFzZnejJhG2FACTVQ7UnYEcFUYw3HzXrmuwLMaR";
        String other = "B6rBLVrn6t7fStFDEt1Hq5ahYc7Fs7vDFtqmjX2YUPqk";
        return Stream.of(
                Arguments.of(WalletMessages.bonding(other, "node.example.net", null), "it bonds the identity key " + other
                        + ", but this node&#39;s identity key is " + ours),
                Arguments.of(WalletMessages.bonding(ours, "203.0.113.99", null), "it names the host &quot;203.0.113.99&quot;, "
                        + "but this node is at &quot;node.example.net&quot;"),
                Arguments.of(WalletMessages.bonding(ours, "node.example.net", 8000), "it names the HTTP port 8000, but this "
                        + "node&#39;s API listens on 8080"),
                Arguments.of(WalletMessages.encode("{\"nonce\":0,\"algorithm\":\"ed25519\",\"message_type\":\"gateway-bonding\","
                        + "\"content\":{\"sender\":\"n1x\",\"funds\":[],\"data\":{\"gateway\":{}}}}"),
                        "it is not a Nym node bonding message (it is a &quot;gateway-bonding&quot; message)"),
                Arguments.of(WalletMessages.encode("[1,2,3]"), "it is not a bonding message from the Nym wallet"));
    }

    @ParameterizedTest
    @MethodSource("foreignMessages")
    void aMessageForAnotherNodeIsRefusedWithTheReason(String message, String reason) {
        readyToBond();
        TestClient.Response r = owner.post("/bonding/sign", Map.of("contractMessage", message));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("id=\"contractMessage-error\">Not signed: " + reason), r.body());
        assertTrue(admin.node.signedMessages.isEmpty());
    }

    static Stream<Arguments> badMessages() {
        return Stream.of(
                Arguments.of("  ", "Paste the message that the wallet asks you to sign."),
                Arguments.of("3yZe7dO", "The message contains 'O', which the wallet's message never does (it uses only letters "
                        + "and digits without 0, O, I and l). Copy it again."),
                Arguments.of("a".repeat(8193), "This is longer than any bonding message; copy just the message from the wallet."),
                Arguments.of("3yZe7dNv2ya", "Not signed: it does not decode to the wallet&#39;s message; it seems part of it was not copied."));
    }

    @ParameterizedTest
    @MethodSource("badMessages")
    void signingExplainsBadMessages(String message, String expected) {
        readyToBond();
        TestClient.Response r = owner.post("/setup/keys/sign", Map.of("contractMessage", message));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("id=\"contractMessage-error\">" + expected.replace("'", "&#39;") + "</p>"), r.body());
        assertTrue(admin.node.signedMessages.isEmpty());
    }
}
