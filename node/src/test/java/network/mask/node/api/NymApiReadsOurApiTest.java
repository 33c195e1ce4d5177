package network.mask.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import network.mask.node.keys.Base58;
import network.mask.node.nymapistandin.DescribedNode;
import network.mask.node.nymapistandin.HttpNodeDescriber;
import network.mask.node.nymapistandin.NodeDescriber;
import org.junit.jupiter.api.Test;

/**
 * Our own API, read by the strict describer exactly as nym-api reads it: every route parses and the
 * host-information signature verifies after re-serialisation, also with IPv6 in long form, a host
 * name that needs escaping, and a pre-announced key.
 */
class NymApiReadsOurApiTest {

    @Test
    void theDescriberAcceptsWhatTheApiServesIncludingTheAwkwardCases() throws Exception {
        TestIdentity identity = TestIdentity.withSeed(9);
        byte[] next = new byte[32];
        next[0] = 7;
        identity.next = new SphinxKey(1235, Base58.encode(next));
        ApiTestDoubles.Profile profile = new ApiTestDoubles.Profile();
        profile.ips = List.of("203.0.113.7", "2001:0db8:0000:0000:0001:0000:0000:0001", "::ffff:198.51.100.3");
        profile.hostname = Optional.of("n\u00f6de \"one\"\\\t.example");
        try (PublicApiServer server = new PublicApiServer(new ApiSettings("127.0.0.1", 0, null), identity, profile,
                BuildInformation.describing("0.2.0", true), new ApiTestDoubles.Metrics()).start()) {
            DescribedNode d = new HttpNodeDescriber(false).describe(URI.create("http://127.0.0.1:" + server.port() + "/"),
                    identity.ed25519IdentityKey());
            assertEquals(List.of("203.0.113.7", "2001:db8::1:0:0:1", "198.51.100.3"), d.ipAddresses());
            assertEquals(profile.hostname, d.hostname());
            assertEquals(new DescribedNode.AnnouncedKey(1234, identity.primary.publicKeyBase58()), d.primarySphinxKey());
            assertEquals(Optional.of(new DescribedNode.AnnouncedKey(1235, Base58.encode(next))), d.preAnnouncedSphinxKey());
            assertEquals(1789, d.mixPort());
            assertTrue(d.mixnodeRole());
            assertEquals("nym-node", d.binaryName());
            assertEquals(NymNodeRelease.VERSION, d.buildVersion());
            assertTrue(d.acceptedOperatorTerms());

            // From a contract entry, as nym-api: host and custom HTTP port; a wrong identity is refused.
            HttpNodeDescriber describer = new HttpNodeDescriber(false);
            assertEquals(d, describer.describeHost("127.0.0.1", OptionalInt.of(server.port()), identity.ed25519IdentityKey()));
            NodeDescriber.DescribeException wrong = assertThrows(NodeDescriber.DescribeException.class,
                    () -> describer.describeHost("127.0.0.1", OptionalInt.of(server.port()), TestIdentity.withSeed(3).ed25519IdentityKey()));
            assertTrue(wrong.getMessage().contains("MismatchedIdentity"), wrong.getMessage());
        }
    }
}
