package network.mask.node.api;

import network.mask.node.keys.Base58;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of the public API on a real server (port 0), read with the JDK's HTTP client. */
class PublicApiServerTest {

    /** Every nym_node_ name we export is one nym-node has (nym-node/nym-node-metrics/src/prometheus_wrapper.rs at daed9cd). */
    static final java.util.Set<String> NYM_NODE_NAMES = java.util.Set.of(
            "nym_node_mixnet_ingress_forward_packets_received", "nym_node_mixnet_ingress_final_hop_packets_received",
            "nym_node_mixnet_ingress_replayed_packets_received", "nym_node_mixnet_ingress_malformed_packets_received",
            "nym_node_mixnet_ingress_excessive_delay_packets_received", "nym_node_mixnet_ingress_forward_packets_dropped",
            "nym_node_mixnet_ingress_final_hop_packets_dropped", "nym_node_mixnet_ingress_forward_packets_received_rate",
            "nym_node_mixnet_ingress_final_hop_packets_received_rate", "nym_node_mixnet_ingress_malformed_packets_received_rate",
            "nym_node_mixnet_ingress_excessive_delay_packets_received_rate", "nym_node_mixnet_ingress_forward_packets_dropped_rate",
            "nym_node_mixnet_ingress_final_hop_packets_dropped_rate", "nym_node_mixnet_egress_forward_packets_sent",
            "nym_node_mixnet_egress_ack_sent", "nym_node_mixnet_egress_forward_packets_dropped",
            "nym_node_mixnet_egress_forward_packets_send_rate", "nym_node_mixnet_egress_ack_send_rate",
            "nym_node_mixnet_egress_forward_packets_dropped_rate", "nym_node_network_active_ingress_mixnet_connections",
            "nym_node_network_active_egress_mixnet_connections", "nym_node_process_forward_hop_packets_being_delayed",
            "nym_node_process_packet_forwarder_queue_size", "nym_node_process_forward_hop_packets_pending_delivery");


    static final String TOKEN = "prometheus-token-0123456789";
    static final TestIdentity IDENTITY = TestIdentity.withSeed(1);
    static final ApiTestDoubles.Profile PROFILE = new ApiTestDoubles.Profile();
    static final ApiTestDoubles.Metrics METRICS = new ApiTestDoubles.Metrics();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static PublicApiServer server;
    static PublicApiServer serverWithoutToken;
    static PublicApiServer serverOnAPi;   // reads its machine facts from FakeHost's Raspberry Pi files

    @TempDir static Path fakeRoot;

    @BeforeAll
    static void start() {
        serverOnAPi = new PublicApiServer(new ApiSettings("127.0.0.1", 0, null), IDENTITY, PROFILE,
                BuildInformation.of("0.1.0-test"), METRICS, FakeHost.raspberryPi(fakeRoot)).start();
        server = new PublicApiServer(new ApiSettings("127.0.0.1", 0, TOKEN), IDENTITY, PROFILE,
                BuildInformation.of("0.1.0-test"), METRICS).start();
        serverWithoutToken = new PublicApiServer(new ApiSettings("127.0.0.1", 0, null), IDENTITY, PROFILE,
                BuildInformation.of("0.1.0-test"), METRICS).start();
    }

    @AfterAll
    static void stop() {
        server.close();
        serverWithoutToken.close();
        serverOnAPi.close();
    }

    static HttpResponse<String> get(PublicApiServer s, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/v1" + path));
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonObject json(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    @Test
    void health() throws Exception {
        JsonObject h = json(get(server, "/health"));
        assertEquals(Set.of("status", "uptime"), h.keySet());
        assertEquals("up", h.getString("status"), "nym's NodeStatus is serde camelCase: Up is \"up\"");
        assertEquals(3600, h.getJsonNumber("uptime").longValue(), 5);
    }

    @Test
    void buildInformationHasNymsFields() throws Exception {
        JsonObject b = json(get(server, "/build-information"));
        assertEquals(List.of("binary_name", "build_timestamp", "build_version", "commit_sha", "commit_timestamp",
                "commit_branch", "rustc_version", "rustc_channel", "cargo_profile", "cargo_triple"), List.copyOf(b.keySet()));
        assertEquals("masknode", b.getString("binary_name"));
        assertEquals("0.1.0-test", b.getString("build_version"));
        assertTrue(b.getString("rustc_version").startsWith("java 25"), b.getString("rustc_version"));
    }

    @Test
    void describedAsNymNodeItNamesTheReleaseAndStatesWhatItIs() {
        BuildInformation b = BuildInformation.describing("0.2.0", true);
        assertEquals("nym-node", b.binaryName());
        assertEquals(NymNodeRelease.VERSION, b.buildVersion());
        assertTrue(b.runtimeVersion().startsWith("masknode 0.2.0 (Java 25"), b.runtimeVersion());
        assertEquals("0.2.0", b.ownVersion());
    }

    @Test
    void aMixnodeAnswersTheGatewayRoutesAsAMixnodeModeNymNodeDoes() throws Exception {
        JsonObject ws = Json.createObjectBuilder().add("ws_port", 9000).addNull("wss_port").build();
        assertEquals(ws, json(get(server, "/gateway/client-interfaces/mixnet-websockets")));
        JsonObject interfaces = Json.createObjectBuilder().addNull("wireguard").add("mixnet_websockets", ws).build();
        assertEquals(interfaces, json(get(server, "/gateway/client-interfaces")));
        assertEquals(Json.createObjectBuilder().add("enforces_zk_nyms", false).add("client_interfaces", interfaces).build(),
                json(get(server, "/gateway")));
        assertEquals(Json.createObjectBuilder().build(), json(get(server, "/mixnode")));
    }

    @Test
    void rolesSayMixnodeOnly() throws Exception {
        JsonObject r = json(get(server, "/roles"));
        assertEquals(Json.createObjectBuilder().add("mixnode_enabled", true).add("gateway_enabled", false)
                .add("network_requester_enabled", false).add("ip_packet_router_enabled", false).build(), r);
    }

    @Test
    void descriptionIsReadLive() throws Exception {
        JsonObject d = json(get(server, "/description"));
        assertEquals(List.of("moniker", "website", "security_contact", "details"), List.copyOf(d.keySet()));
        assertEquals("a \"quoted\" detail\nwith a newline", d.getString("details"));
        NodeDescription before = PROFILE.description;
        try {
            PROFILE.description = new NodeDescription("renamed", null, null, null);
            JsonObject changed = json(get(server, "/description"));
            assertEquals("renamed", changed.getString("moniker"));
            assertEquals("", changed.getString("website"));
        } finally {
            PROFILE.description = before;
        }
    }

    @Test
    void hostInformationIsSignedByTheIdentityKey() throws Exception {
        HttpResponse<String> r = get(server, "/host-information");
        JsonObject body = json(r);
        assertEquals(List.of("data", "signature"), List.copyOf(body.keySet()));
        JsonObject data = body.getJsonObject("data");
        assertEquals(List.of("ip_address", "hostname", "keys"), List.copyOf(data.keySet()));
        assertEquals(List.of("203.0.113.7", "2001:db8::1"), data.getJsonArray("ip_address").getValuesAs(
                v -> ((jakarta.json.JsonString) v).getString()), "IPs in Rust's canonical text");
        assertEquals("node.example.org", data.getString("hostname"));
        JsonObject keys = data.getJsonObject("keys");
        assertEquals(List.of("ed25519_identity", "x25519_sphinx", "primary_x25519_sphinx_key",
                "pre_announced_x25519_sphinx_key", "x25519_versioned_noise"), List.copyOf(keys.keySet()));
        assertEquals(IDENTITY.ed25519IdentityKey(), keys.getString("ed25519_identity"));
        assertEquals(IDENTITY.primary.publicKeyBase58(), keys.getString("x25519_sphinx"));
        assertEquals(1234, keys.getJsonObject("primary_x25519_sphinx_key").getInt("rotation_id"));
        assertEquals(JsonValue.NULL, keys.get("pre_announced_x25519_sphinx_key"));
        assertEquals(JsonValue.NULL, keys.get("x25519_versioned_noise"));

        // 1. The signature covers the data text exactly as served.
        String dataText = servedDataText(r.body());
        String signature = body.getString("signature");
        assertEquals(64, Base58.decode(signature).length);
        assertTrue(TestIdentity.verify(keys.getString("ed25519_identity"), dataText.getBytes(StandardCharsets.UTF_8), signature));
        // 2. nym-api parses the data and serializes it again before verifying: that must give the same bytes.
        assertEquals(dataText, serdeStyle(data));
        // 3. Any other text (a changed field) does not verify.
        String tampered = dataText.replace("203.0.113.7", "203.0.113.8");
        assertFalse(TestIdentity.verify(keys.getString("ed25519_identity"), tampered.getBytes(StandardCharsets.UTF_8), signature));
    }

    @Test
    void preAnnouncedKeyIsShownOnlyForTheNextRotation() throws Exception {
        byte[] next = new byte[32];
        next[0] = 9;
        try {
            IDENTITY.next = new SphinxKey(1235, Base58.encode(next));
            JsonObject keys = json(get(server, "/host-information")).getJsonObject("data").getJsonObject("keys");
            assertEquals(1235, keys.getJsonObject("pre_announced_x25519_sphinx_key").getInt("rotation_id"));
            IDENTITY.next = new SphinxKey(1240, Base58.encode(next));
            keys = json(get(server, "/host-information")).getJsonObject("data").getJsonObject("keys");
            assertEquals(JsonValue.NULL, keys.get("pre_announced_x25519_sphinx_key"));
        } finally {
            IDENTITY.next = null;
        }
    }

    @Test
    void aBadAnnouncedAddressGivesAClearErrorNotACrash() throws Exception {
        List<String> before = PROFILE.ips;
        try {
            PROFILE.ips = List.of("node.example.org");
            HttpResponse<String> r = get(server, "/host-information");
            assertEquals(500, r.statusCode());
            assertTrue(r.body().contains("not an IP address literal"), r.body());
            assertEquals(200, get(server, "/health").statusCode(), "the server keeps serving");
        } finally {
            PROFILE.ips = before;
        }
    }

    @Test
    void auxiliaryDetailsHasNymsShapeAndIsReadLive() throws Exception {
        JsonObject a = json(get(server, "/auxiliary-details"));
        assertEquals(List.of("location", "announce_ports", "accepted_operator_terms_and_conditions"), List.copyOf(a.keySet()));
        assertEquals("CH", a.getString("location"));
        assertEquals(Json.createObjectBuilder().add("verloc_port", 1790).add("mix_port", 1789).add("http_api_port", 8080).build(),
                a.getJsonObject("announce_ports"));
        assertTrue(a.getBoolean("accepted_operator_terms_and_conditions"));
        Optional<String> location = PROFILE.location;
        AnnouncePorts ports = PROFILE.ports;
        try {
            PROFILE.location = Optional.empty();
            PROFILE.ports = new AnnouncePorts(41789, OptionalInt.empty(), 18080);
            PROFILE.acceptedTerms = false;
            JsonObject changed = json(get(server, "/auxiliary-details"));
            assertEquals(JsonValue.NULL, changed.get("location"), "no location: null, as nym-node");
            assertEquals(JsonValue.NULL, changed.getJsonObject("announce_ports").get("verloc_port"));
            assertEquals(41789, changed.getJsonObject("announce_ports").getInt("mix_port"));
            assertEquals(18080, changed.getJsonObject("announce_ports").getInt("http_api_port"));
            assertFalse(changed.getBoolean("accepted_operator_terms_and_conditions"));
        } finally {
            PROFILE.location = location;
            PROFILE.ports = ports;
            PROFILE.acceptedTerms = true;
        }
    }

    @Test
    void systemInfoHasNymsShapeWithCoarseFactsOnly() throws Exception {
        HttpResponse<String> r = get(serverOnAPi, "/system-info");
        JsonObject s = json(r);
        assertEquals(List.of("system_name", "kernel_version", "os_version", "cpu_arch", "hardware"), List.copyOf(s.keySet()));
        assertEquals("Debian GNU/Linux", s.getString("system_name"));
        assertEquals("6.6.51+rpt-rpi-v8", s.getString("kernel_version"));
        assertEquals("12", s.getString("os_version"));
        assertEquals("aarch64", s.getString("cpu_arch"));
        JsonObject hw = s.getJsonObject("hardware");
        assertEquals(List.of("cpu", "total_memory", "crypto"), List.copyOf(hw.keySet()));
        assertEquals(4, hw.getJsonArray("cpu").size());
        assertEquals(Json.createObjectBuilder().add("name", "cpu3").add("frequency", 1800).add("vendor_id", "ARM")
                .add("brand", "Cortex-A72").build(), hw.getJsonArray("cpu").getJsonObject(3));
        assertEquals(4294967296L, hw.getJsonNumber("total_memory").longValue());
        assertEquals(JsonValue.NULL, hw.get("crypto"));
        assertFalse(r.body().contains(FakeHost.SERIAL), "never the board's serial number");
    }

    @Test
    void systemInfoOnThisMachineHasTheSameShape() throws Exception {
        JsonObject s = json(get(server, "/system-info"));
        assertEquals(List.of("system_name", "kernel_version", "os_version", "cpu_arch", "hardware"), List.copyOf(s.keySet()));
        assertEquals(JsonValue.ValueType.STRING, s.get("kernel_version").getValueType(), "os.version at least");
        assertEquals(JsonValue.ValueType.STRING, s.get("cpu_arch").getValueType(), "os.arch at least");
        if (s.get("hardware").getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject hw = s.getJsonObject("hardware");
            assertTrue(hw.getJsonNumber("total_memory").longValue() > 0);
            for (JsonValue cpu : hw.getJsonArray("cpu")) {
                assertEquals(Set.of("name", "frequency", "vendor_id", "brand"), cpu.asJsonObject().keySet());
            }
        }
    }

    @Test
    void systemInfoIsRefusedWhenTheOwnerTurnedItOff() throws Exception {
        try {
            PROFILE.exposeSystemInfo = false;
            HttpResponse<String> r = get(serverOnAPi, "/system-info");
            assertEquals(403, r.statusCode(), "as nym-node");
            assertTrue(r.body().contains("does not wish to expose the system information"), r.body());
            assertFalse(r.body().contains("Debian"), r.body());
        } finally {
            PROFILE.exposeSystemInfo = true;
        }
    }

    @Test
    void loadHasNymsShapeAndTiers() throws Exception {
        Set<String> tiers = Set.of("unknown", "negligible", "low", "medium", "high", "very_high", "at_capacity");
        JsonObject l = json(get(serverOnAPi, "/load"));
        assertEquals(List.of("total", "machine", "network"), List.copyOf(l.keySet()));
        // The fake Pi: 5-minute load 2.0 on 4 cores (0.5: medium), 25 % memory in use (low: no raise).
        assertEquals("medium", l.getString("machine"));
        assertTrue(tiers.contains(l.getString("network")), l.toString());
        LoadLevel network = LoadLevel.valueOf(l.getString("network").toUpperCase(java.util.Locale.ROOT));
        assertEquals(LoadLevel.higher(LoadLevel.MEDIUM, network).jsonName(), l.getString("total"));
        int rate = PROFILE.expectedRate;
        try {
            PROFILE.expectedRate = 0;   // nothing to compare packets with
            JsonObject unknown = json(get(serverOnAPi, "/load"));
            assertEquals("unknown", unknown.getString("network"));
            assertEquals("medium", unknown.getString("total"));
        } finally {
            PROFILE.expectedRate = rate;
        }
        JsonObject here = json(get(server, "/load"));
        for (String k : List.of("total", "machine", "network")) assertTrue(tiers.contains(here.getString(k)), here.toString());
    }

    @Test
    void unknownPathsStill404() throws Exception {
        for (String path : List.of("/loads", "/load/extra", "/system-information", "/system-info/hardware",
                "/auxiliary-details/ports", "/auxiliary_details", "/nonsense")) {
            assertEquals(404, get(server, path).statusCode(), path);
        }
    }

    @Test
    void packetsStatsHasNymsShape() throws Exception {
        JsonObject p = json(get(server, "/metrics/packets-stats"));
        assertEquals(Json.createObjectBuilder()
                .add("ingress_mixing", Json.createObjectBuilder()
                        .add("forward_hop_packets_received", 987)
                        .add("final_hop_packets_received", 2)
                        .add("malformed_packets_received", 7)
                        .add("excessive_delay_packets", 1)
                        .add("forward_hop_packets_dropped", 3)
                        .add("final_hop_packets_dropped", 2))
                .add("egress_mixing", Json.createObjectBuilder()
                        .add("forward_hop_packets_sent", 900)
                        .add("forward_hop_packets_dropped", 5)
                        .add("ack_packets_sent", 0))
                .build(), p);
    }

    @Test
    void prometheusNeedsTheBearerToken() throws Exception {
        long before = server.unauthorizedScrapes();
        for (String[] headers : List.of(new String[0], new String[] {"Authorization", "Bearer wrong-token-0123456789"},
                new String[] {"Authorization", "Basic " + TOKEN}, new String[] {"Authorization", "Bearer "})) {
            HttpResponse<String> r = get(server, "/metrics/prometheus", headers);
            assertEquals(401, r.statusCode(), List.of(headers).toString());
            assertEquals("Bearer", r.headers().firstValue("www-authenticate").orElse(""));
            assertFalse(r.body().contains("nym_node_"), "no metrics without the token");
        }
        assertEquals(before + 4, server.unauthorizedScrapes());
        HttpResponse<String> root = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, root.statusCode(), "the /metrics alias is guarded the same way");
        root = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, root.statusCode());
        assertTrue(root.body().contains("# TYPE nym_node_mixnet_egress_forward_packets_sent gauge"));
        assertEquals(404, get(serverWithoutToken, "/metrics/prometheus", "Authorization", "Bearer " + TOKEN).statusCode(),
                "without a configured token the route does not exist, as in nym-node");
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverWithoutToken.port() + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void prometheusExpositionParses() throws Exception {
        HttpResponse<String> r = get(server, "/metrics/prometheus", "Authorization", "Bearer " + TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("content-type").orElse(""));
        Map<String, String> types = new HashMap<>();
        Set<String> helped = new LinkedHashSet<>();
        Map<String, Double> samples = new HashMap<>();
        Pattern help = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)");
        Pattern type = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)");
        Pattern sample = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\",?)*})? "
                + "(-?[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|[+-]Inf)");
        for (String line : r.body().split("\n")) {
            Matcher m;
            if ((m = help.matcher(line)).matches()) {
                assertTrue(helped.add(m.group(1)), "one HELP per family: " + m.group(1));
            } else if ((m = type.matcher(line)).matches()) {
                assertTrue(helped.contains(m.group(1)), "HELP before TYPE for " + m.group(1));
                assertNotNullPut(types, m.group(1), m.group(2));
            } else if ((m = sample.matcher(line)).matches()) {
                String family = familyOf(m.group(1), types);
                assertTrue(types.containsKey(family), "sample before its TYPE: " + line);
                samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(
                        m.group(4).replace("+Inf", "Infinity").replace("-Inf", "-Infinity")));
            } else {
                fail("not exposition format: '" + line + "'");
            }
        }
        for (Map.Entry<String, String> t : types.entrySet()) {
            if (t.getValue().equals("counter")) assertTrue(t.getKey().endsWith("_total"), "counter name: " + t.getKey());
        }
        // nym-node's own names, types and values
        assertEquals("gauge", types.get("nym_node_mixnet_ingress_forward_packets_received"));
        assertEquals(987.0, samples.get("nym_node_mixnet_ingress_forward_packets_received"));
        assertEquals(3.0, samples.get("nym_node_mixnet_ingress_replayed_packets_received"));
        assertEquals(7.0, samples.get("nym_node_mixnet_ingress_malformed_packets_received"));
        assertEquals(900.0, samples.get("nym_node_mixnet_egress_forward_packets_sent"));
        assertEquals(5.0, samples.get("nym_node_mixnet_egress_forward_packets_dropped"));
        assertEquals(8.0, samples.get("nym_node_network_active_ingress_mixnet_connections"));
        assertEquals(9.0, samples.get("nym_node_network_active_egress_mixnet_connections"));
        assertEquals(40.0, samples.get("nym_node_process_forward_hop_packets_being_delayed"));
        assertNotNull(samples.get("nym_node_mixnet_ingress_forward_packets_received_rate"));
        // Mask Node's own, Prometheus-style
        assertEquals("counter", types.get("masknode_mixnet_dropped_packets_total"));
        assertEquals(7.0, samples.get("masknode_mixnet_dropped_packets_total{reason=\"bad_mac\"}"));
        assertEquals("histogram", types.get("masknode_mixnet_packet_delay_seconds"));
        assertEquals(10.0, samples.get("masknode_mixnet_packet_delay_seconds_bucket{le=\"0.05\"}"));
        assertEquals(61.0, samples.get("masknode_mixnet_packet_delay_seconds_bucket{le=\"+Inf\"}"));
        assertEquals(61.0, samples.get("masknode_mixnet_packet_delay_seconds_count"));
        assertEquals(12.345, samples.get("masknode_mixnet_packet_delay_seconds_sum"), 1e-12);
        assertEquals(1.0, samples.get("masknode_build_info{binary=\"masknode\",version=\"0.1.0-test\",java_version=\""
                + Runtime.version() + "\"}"));
        assertEquals("counter", types.get("process_cpu_seconds_total"));
        assertTrue(samples.get("process_cpu_seconds_total") > 0, "this JVM has used CPU");
        double started = samples.get("process_start_time_seconds");
        assertTrue(started > 1.7e9 && started <= System.currentTimeMillis() / 1000.0, "Unix seconds: " + started);
        assertTrue(samples.get("process_resident_memory_bytes") > 1 << 20, "bytes, not kB");
        assertTrue(samples.get("process_open_fds") > 0 && samples.get("process_open_fds") <= samples.get("process_max_fds"));
        assertTrue(samples.get("jvm_memory_used_bytes{area=\"heap\"}") > 0);
        assertTrue(samples.get("masknode_node_start_time_seconds") <= System.currentTimeMillis() / 1000.0 - 3600 + 5,
                "the test metrics started an hour ago");
        // Our own metrics under our own prefix; nym-node's prefix only for names nym-node has.
        for (String name : types.keySet()) {
            assertTrue(name.startsWith("masknode_") || name.startsWith("process_") || name.startsWith("jvm_")
                    || NYM_NODE_NAMES.contains(name), "unexpected metric family " + name);
        }
    }

    private static void assertNotNullPut(Map<String, String> types, String name, String type) {
        assertTrue(types.put(name, type) == null, "one TYPE per family: " + name);
    }

    private static String familyOf(String sampleName, Map<String, String> types) {
        for (String suffix : List.of("_bucket", "_count", "_sum")) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                if ("histogram".equals(types.get(base))) return base;
            }
        }
        return sampleName;
    }

    /** The text between {"data": and ,"signature" of the raw body. */
    private static String servedDataText(String body) {
        assertTrue(body.startsWith("{\"data\":"), body);
        int end = body.lastIndexOf(",\"signature\":");
        return body.substring("{\"data\":".length(), end);
    }

    /** serde_json's output for nym-node-requests' HostInformation, written from the parsed data (test-side). */
    private static String serdeStyle(JsonObject data) {
        StringBuilder sb = new StringBuilder("{\"ip_address\":[");
        List<String> ips = data.getJsonArray("ip_address").getValuesAs(v -> ((jakarta.json.JsonString) v).getString());
        for (int i = 0; i < ips.size(); i++) sb.append(i > 0 ? "," : "").append('"').append(ips.get(i)).append('"');
        sb.append("],\"hostname\":").append(data.get("hostname").toString());
        JsonObject k = data.getJsonObject("keys");
        sb.append(",\"keys\":{\"ed25519_identity\":\"").append(k.getString("ed25519_identity"))
                .append("\",\"x25519_sphinx\":\"").append(k.getString("x25519_sphinx"))
                .append("\",\"primary_x25519_sphinx_key\":").append(sphinx(k.getJsonObject("primary_x25519_sphinx_key")))
                .append(",\"pre_announced_x25519_sphinx_key\":")
                .append(k.isNull("pre_announced_x25519_sphinx_key") ? "null" : sphinx(k.getJsonObject("pre_announced_x25519_sphinx_key")))
                .append(",\"x25519_versioned_noise\":null}}");
        return sb.toString();
    }

    private static String sphinx(JsonObject key) {
        return "{\"rotation_id\":" + key.getJsonNumber("rotation_id").longValue() + ",\"public_key\":\""
                + key.getString("public_key") + "\"}";
    }
}
