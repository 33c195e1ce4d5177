package network.mask.node.nymapi;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import network.mask.node.keys.IdentityKey;
import network.mask.node.rotation.RotationSchedule;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

/** nym-api's JSON read strictly: good answers parse, bad ones are typed MALFORMED errors naming the field. */
class NymApiShapesTest {

    static JsonValue json(String s) {
        return Json.createReader(new StringReader(s)).readValue();
    }

    static final String ROTATION = """
            {"key_rotation_state":{"validity_epochs":24,"initial_epoch_id":100},"current_absolute_epoch_id":150,
             "current_epoch_start":"2026-12-01T10:00:00.5+01:00","epoch_duration":{"secs":3600,"nanos":0},
             "progress":{"current_key_rotation_id":2,"current_rotation_starting_epoch":148,"current_rotation_ending_epoch":171}}""";

    @Test
    void keyRotationInfoParsesIntoTheSchedule() throws Exception {
        RotationSchedule s = KeyRotationInfo.parse(json(ROTATION));
        assertEquals(new RotationSchedule(24, 100, 150, Instant.parse("2026-12-01T09:00:00.5Z"), Duration.ofHours(1)), s);
        assertEquals(2, s.currentRotationId());
    }

    @Test
    void badScheduleAnswersAreTypedErrors() {
        for (String bad : new String[] {
                ROTATION.replace("\"current_key_rotation_id\":2", "\"current_key_rotation_id\":3"),   // disagrees
                ROTATION.replace("\"current_absolute_epoch_id\":150", "\"current_absolute_epoch_id\":4294967296"),
                ROTATION.replace("\"validity_epochs\":24", "\"validity_epochs\":0"),
                ROTATION.replace("2026-12-01T10:00:00.5+01:00", "yesterday"),
                ROTATION.replace("\"secs\":3600", "\"secs\":\"3600\""),
                "[]", "{}"}) {
            NymApiException e = assertThrows(NymApiException.class, () -> KeyRotationInfo.parse(json(bad)), bad);
            assertEquals(NymApiException.Kind.MALFORMED, e.kind());
        }
    }

    static final String NODE = """
            {"basic":{"node_id":7,"ed25519_identity_pubkey":"%s","ip_addresses":["203.0.113.5","2001:db8::5"],"mix_port":1789,
             "x25519_sphinx_pubkey":"%s","role":{"Mixnode":{"layer":2}},"supported_roles":{"mixnode":true,"entry":false,
             "exit_nr":false,"exit_ipr":false},"entry":null,"performance":"0.95"},"x25519_noise_versioned_key":null}""";

    static String node(String ip) {
        String key = network.mask.node.keys.Base58.encode(new byte[32]);
        return NODE.formatted(key, key).replace("203.0.113.5", ip);
    }

    @Test
    void aSemiSkimmedNodeParsesAndHostNamesAreNotResolved() throws Exception {
        DirectoryNode n = DirectoryNode.fromSemiSkimmed(json(node("203.0.113.5")));
        assertEquals(7, n.nodeId());
        assertEquals(NodeRole.LAYER2, n.role());
        assertEquals(0.95, n.performance());
        assertEquals(2, n.ipAddresses().size());
        NymApiException e = assertThrows(NymApiException.class, () -> DirectoryNode.fromSemiSkimmed(json(node("abc"))));
        assertEquals(NymApiException.Kind.MALFORMED, e.kind());
        assertThrows(NymApiException.class, () -> DirectoryNode.fromSemiSkimmed(json(node("example.org"))));
        assertThrows(NymApiException.class, () -> DirectoryNode.fromSemiSkimmed(json(node("203.0.113.5").replace("\"0.95\"", "\"1.5\""))));
        assertThrows(NymApiException.class, () -> DirectoryNode.fromSemiSkimmed(json(node("203.0.113.5")
                .replace("{\"Mixnode\":{\"layer\":2}}", "{\"Mixnode\":{\"layer\":9}}"))));
    }

    @Test
    void rolesReadAsSerdeWritesThem() throws Exception {
        for (NodeRole r : NodeRole.values()) assertEquals(r, NodeRole.fromJson(r.toJson()));
        assertEquals(NodeRole.ENTRY_GATEWAY, NodeRole.fromJson(json("\"gateway\"")));
        assertThrows(NymApiException.class, () -> NodeRole.fromJson(json("\"Boss\"")));
    }

    @Test
    void theRefreshRequestIsSignedOverIdentityTimestampAndTag() throws Exception {
        IdentityKey id = IdentityKey.generate(new java.security.SecureRandom());
        var body = json(NymApiClient.refreshBody(id, 1_700_000_000L)).asJsonObject();
        assertEquals(id.publicKeyBase58(), body.getString("node_identity"));
        assertEquals(1_700_000_000L, body.getJsonNumber("request_timestamp").longValue());
        byte[] sig = new byte[64];
        for (int i = 0; i < 64; i++) sig[i] = (byte) body.getJsonArray("signature").getInt(i);
        byte[] plain = NymApiClient.refreshPlaintext(id.publicKey(), 1_700_000_000L);
        assertEquals(32 + 8 + "describe-cache-refresh-request".length(), plain.length);
        assertArrayEquals("describe-cache-refresh-request".getBytes(StandardCharsets.US_ASCII),
                java.util.Arrays.copyOfRange(plain, 40, plain.length));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0x65, 0x53, (byte) 0xF1, 0}, java.util.Arrays.copyOfRange(plain, 32, 40),
                "timestamp as i64 big-endian: 1700000000 = 0x6553F100");
        assertArrayEquals(id.publicKey(), java.util.Arrays.copyOfRange(plain, 0, 32));
        Ed25519Signer v = new Ed25519Signer();
        v.init(false, new Ed25519PublicKeyParameters(id.publicKey(), 0));
        v.update(plain, 0, plain.length);
        assertTrue(v.verifySignature(sig));
    }

    @Test
    void urlListsAreCheckedAndMainnetsIsTheDefault() {
        assertEquals(3, NymApiUrls.parse(NymApiUrls.MAINNET).size());
        assertEquals("http://127.0.0.1:8080/api/", NymApiUrls.parse("http://127.0.0.1:8080/api").getFirst().toString());
        assertThrows(IllegalArgumentException.class, () -> NymApiUrls.parse("ftp://x/"));
    }
}
