package network.mask.node.nymapistandin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import network.mask.node.acceptance.DevNodeProcess;
import network.mask.node.api.NymNodeRelease;
import network.mask.node.nymapistandin.NodeDescriber.DescribeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's "done when": a real {@code masknode run --dev} process, described exactly as nym-api
 * describes a node. Every route parses into nym's shapes, the host-information signature verifies,
 * and the config score is 0 until the operator terms are accepted, then above 0. Negative
 * controls go through a relay on loopback that changes one thing in the node's real answers.
 */
class DescribeRealNodeTest {

    /** A release chain ending at the release the node describes itself as compatible with. */
    static final NymNodeVersionHistory HISTORY = NymNodeVersionHistory.of("1.29.0", "1.30.0", NymNodeRelease.VERSION);

    @TempDir
    Path dir;

    @Test
    void aRealNodeIsDescribedAsNymApiDescribesItAndScoresOnlyOnceTheTermsAreAccepted() throws Exception {
        HttpNodeDescriber describer = new HttpNodeDescriber(true);   // a dev node announces loopback
        try (DevNodeProcess node = DevNodeProcess.start("describe-terms-not-accepted", dir.resolve("a"))) {
            node.awaitListening();
            NodeDescription d = describer.describeFully(node.apiBase(), Optional.empty());

            assertEquals("up", d.health().status());
            assertTrue(d.roles().mixnodeEnabled());
            assertFalse(d.roles().gatewayEnabled() || d.roles().networkRequesterEnabled() || d.roles().ipPacketRouterEnabled());
            assertEquals(9000, d.mixnetWebsockets().wsPort());
            assertEquals(OptionalInt.empty(), d.mixnetWebsockets().wssPort());
            assertEquals("nym-node", d.buildInformation().binaryName());
            assertEquals(NymNodeRelease.VERSION, d.buildInformation().buildVersion());
            assertTrue(d.buildInformation().rustcVersion().startsWith("masknode "), "the build says what it really is: "
                    + d.buildInformation());
            assertTrue(d.auxiliaryDetailsServed(), "auxiliary-details parsed, not defaulted");
            assertFalse(d.auxiliaryDetails().acceptedOperatorTermsAndConditions());
            assertTrue(d.networkRequester().isEmpty() && d.ipPacketRouter().isEmpty() && d.authenticator().isEmpty()
                    && d.wireguard().isEmpty(), "a mixnode offers no exit services");
            assertTrue(HostInformationSignature.verify(d.hostInformation()));
            DescribedNode summary = d.summary();
            assertEquals(node.mixAddress().getPort(), summary.mixPort(), "announced mix port");
            assertTrue(summary.mixnodeRole());

            ConfigScore score = ConfigScore.of(summary, HISTORY);
            assertEquals(0.0, score.score(), "terms not accepted: " + score);
            assertTrue(score.runsNymNodeBinary());
            assertFalse(score.acceptedTermsAndConditions());
            assertEquals(0, score.versionsBehind().orElseThrow(), "the described version is the latest release");
            node.awaitOutput(Pattern.compile("The Nym network will not select this node: the operator terms are not accepted"),
                    Duration.ofSeconds(10));

            // Negative controls through a relay: "Up" instead of "up", and a signature with one character changed.
            try (Relay up = Relay.to(node.apiBase(), "/api/v1/health", body -> body.replace("\"up\"", "\"Up\""))) {
                DescribeException e = assertThrows(DescribeException.class, () -> describer.describe(up.base()));
                assertTrue(e.getMessage().contains("unknown variant `Up`"), e.getMessage());
            }
            try (Relay tampered = Relay.to(node.apiBase(), "/api/v1/host-information", DescribeRealNodeTest::tamperSignature)) {
                DescribeException e = assertThrows(DescribeException.class, () -> describer.describe(tampered.base()));
                assertTrue(e.getMessage().contains("signature does not verify"), e.getMessage());
            }
            // nym-api proper refuses a loopback address outside a local network.
            DescribeException loopback = assertThrows(DescribeException.class,
                    () -> new HttpNodeDescriber(false).describe(node.apiBase()));
            assertTrue(loopback.getMessage().contains("IllegalIpAddress"), loopback.getMessage());
        }

        Path config = Files.writeString(dir.resolve("accepted.toml"), "[node]\naccepted_operator_terms_and_conditions = true\n");
        try (DevNodeProcess node = DevNodeProcess.start("describe-terms-accepted", dir.resolve("b"), "--config", config.toString())) {
            node.awaitListening();
            DescribedNode summary = describer.describe(node.apiBase());
            assertTrue(summary.acceptedOperatorTerms());
            ConfigScore score = ConfigScore.of(summary, HISTORY);
            assertTrue(score.score() > 0, "terms accepted, nym-node-compatible and current: " + score);
            assertEquals(1.0, score.score(), 1e-12);
        }
    }

    /** Swaps one base58 character of the signature: still 64 bytes, no longer the node's signature. */
    private static String tamperSignature(String body) {
        int at = body.indexOf("\"signature\":\"") + "\"signature\":\"".length() + 5;
        char c = body.charAt(at);
        return body.substring(0, at) + (c == 'A' ? 'B' : 'A') + body.substring(at + 1);
    }

    /** A loopback HTTP relay to the node that rewrites one route's answer. */
    private record Relay(HttpServer server) implements AutoCloseable {

        static Relay to(URI target, String route, UnaryOperator<String> rewrite) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            HttpClient http = HttpClient.newHttpClient();
            server.createContext("/", exchange -> {
                try {
                    String path = exchange.getRequestURI().getPath();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(target.resolve(path)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    String body = path.equals(route) ? rewrite.apply(r.body()) : r.body();
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(r.statusCode(), bytes.length == 0 ? -1 : bytes.length);
                    if (bytes.length > 0) exchange.getResponseBody().write(bytes);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.sendResponseHeaders(502, -1);
                } finally {
                    exchange.close();
                }
            });
            server.start();
            return new Relay(server);
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
