package network.mask.node.api;

import network.mask.node.keys.Base58;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The API's building blocks, checked against known values. */
class ApiPartsTest {

    @Test
    void serdeJsonEscapesLikeSerdeJson() {
        String s = SerdeJson.object().string("a", "q\"b\\s/é\u0001\b\f\n\r\t\u001f\u007f").nullValue("n").bool("t", true)
                .number("x", -5).strings("l", List.of("1", "2")).end();
        assertEquals("{\"a\":\"q\\\"b\\\\s/é\\u0001\\b\\f\\n\\r\\t\\u001f\u007f\",\"n\":null,\"t\":true,\"x\":-5,\"l\":[\"1\",\"2\"]}", s);
    }

    @Test
    void ipAddressesAreWrittenAsRustDisplaysThem() {
        assertEquals("1.1.1.1", IpLiterals.canonical("1.1.1.1"));
        assertEquals("2001:db8::1", IpLiterals.canonical("2001:0DB8:0000:0000:0000:0000:0000:0001"));
        assertEquals("::", IpLiterals.canonical("0:0:0:0:0:0:0:0"));
        assertEquals("::1", IpLiterals.canonical("[::1]"));
        assertEquals("2001:db8:0:1:1:1:1:1", IpLiterals.canonical("2001:db8:0:1:1:1:1:1"), "a single zero group stays");
        assertEquals("2001:db8::1:0:0:1", IpLiterals.canonical("2001:db8:0:0:1:0:0:1"), "first of equal runs");
        assertEquals("2001:0:0:1::1", IpLiterals.canonical("2001:0:0:1:0:0:0:1"), "longest run wins");
        assertEquals("fe80::", IpLiterals.canonical("fe80:0:0:0:0:0:0:0"));
        for (String bad : List.of("example.org", "fe80::1%eth0", "1.2.3", "", "300.1.1.1", "010.1.1.1", "1.1.1.1.1")) {
            assertThrows(IllegalArgumentException.class, () -> IpLiterals.canonical(bad), bad);
        }
    }

    @Test
    void base58RoundTripsAndMatchesKnownValues() {
        assertEquals("2NEpo7TZRRrLZSi2U", Base58.encode("Hello World!".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("1111", Base58.encode(new byte[4]));
        assertEquals("11112", Base58.encode(new byte[] {0, 0, 0, 0, 1}));
        byte[] key = HexFormat.of().parseHex("00ff10203040506070809000a0b0c0d0e0f0ff0102030405060708090a0b0c0d");
        assertArrayEquals(key, Base58.decode(Base58.encode(key)));
        assertThrows(IllegalArgumentException.class, () -> Base58.decode("0OIl"));
    }

    /** The exact text that is signed, for fixed inputs: nym-node-requests' field order and serde's form. */
    @Test
    void hostInformationGoldenText() {
        TestIdentity id = TestIdentity.withSeed(0);
        String data = SignedHostInformation.data(id, List.of("1.1.1.1"), Optional.of("foomp.com"));
        String expected = "{\"ip_address\":[\"1.1.1.1\"],\"hostname\":\"foomp.com\",\"keys\":{"
                + "\"ed25519_identity\":\"" + id.ed25519IdentityKey() + "\","
                + "\"x25519_sphinx\":\"" + id.primary.publicKeyBase58() + "\","
                + "\"primary_x25519_sphinx_key\":{\"rotation_id\":1234,\"public_key\":\"" + id.primary.publicKeyBase58() + "\"},"
                + "\"pre_announced_x25519_sphinx_key\":null,"
                + "\"x25519_versioned_noise\":null}}";
        assertEquals(expected, data);
        assertEquals("{\"ip_address\":[],\"hostname\":null,\"keys\":{", SignedHostInformation.data(id, List.of(), Optional.empty())
                .substring(0, 41));
        String response = SignedHostInformation.response(id, List.of("1.1.1.1"), Optional.of("foomp.com"));
        assertTrue(response.startsWith("{\"data\":" + expected + ",\"signature\":\""), response);
        String signature = response.substring(response.lastIndexOf(":\"") + 2, response.length() - 2);
        assertTrue(TestIdentity.verify(id.ed25519IdentityKey(), expected.getBytes(StandardCharsets.UTF_8), signature));
    }

    @Test
    void bearerTokenChecksSchemeAndValue() {
        BearerToken t = new BearerToken("correct-horse-battery-staple");
        assertTrue(t.accepts(Optional.of("Bearer correct-horse-battery-staple")));
        assertTrue(t.accepts(Optional.of("bearer   correct-horse-battery-staple ")));
        assertFalse(t.accepts(Optional.of("Bearer correct-horse-battery-stapl")));
        assertFalse(t.accepts(Optional.of("Basic correct-horse-battery-staple")));
        assertFalse(t.accepts(Optional.of("correct-horse-battery-staple")));
        assertFalse(t.accepts(Optional.empty()));
    }

    @Test
    void apiSettingsValidateAndHideTheToken() {
        assertEquals(8080, ApiSettings.defaults().port());
        assertThrows(IllegalArgumentException.class, () -> new ApiSettings("0.0.0.0", 70000, null));
        assertThrows(IllegalArgumentException.class, () -> new ApiSettings("0.0.0.0", 8080, "short"));
        assertThrows(IllegalArgumentException.class, () -> new ApiSettings("0.0.0.0", 8080, "has a space in it, no"));
        String text = new ApiSettings(null, 8080, "a-very-secret-token-123").toString();
        assertFalse(text.contains("a-very-secret-token-123"), text);
    }

    @Test
    void dropReasonsLandInNymsBuckets() {
        assertEquals(NymPacketCounters.Bucket.MALFORMED, NymPacketCounters.bucket("bad_mac"));
        assertEquals(NymPacketCounters.Bucket.MALFORMED, NymPacketCounters.bucket("malformed_frame"));
        assertEquals(NymPacketCounters.Bucket.REPLAYED, NymPacketCounters.bucket("REPLAYED"));
        assertEquals(NymPacketCounters.Bucket.EXCESSIVE_DELAY, NymPacketCounters.bucket("excessive_delay"));
        assertEquals(NymPacketCounters.Bucket.FINAL_HOP, NymPacketCounters.bucket("final_hop"));
        assertEquals(NymPacketCounters.Bucket.EGRESS, NymPacketCounters.bucket("egress_queue_full"));
        assertEquals(NymPacketCounters.Bucket.EGRESS, NymPacketCounters.bucket("shutdown"));
        assertEquals(NymPacketCounters.Bucket.INGRESS, NymPacketCounters.bucket("ingress_overloaded"));
    }

    @Test
    void prometheusNumbers() {
        assertEquals("0", PrometheusText.number(0));
        assertEquals("12", PrometheusText.number(12.0));
        assertEquals("0.25", PrometheusText.number(0.25));
        assertEquals("+Inf", PrometheusText.number(Double.POSITIVE_INFINITY));
        assertEquals("NaN", PrometheusText.number(Double.NaN));
    }
}
