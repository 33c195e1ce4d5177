package network.mask.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A node that speaks Noise announces its key as nym-node does: {@code keys.x25519_versioned_noise =
 * {"supported_version":1,"x25519_pubkey":base58}} in {@code VersionedNoiseKeyV1}'s field order
 * ({@code common/nymnoise/keys/src/lib.rs}), inside the signed text.
 */
class HostInformationNoiseTest {

    private static final String NOISE_KEY = "9fJ4dGqDJWrRkR2gRyhYgZ2JtC8uvfvF7zSqE8qjEDqK";

    /** The test identity with a Noise key. */
    private static NodeIdentity withNoise(TestIdentity id) {
        return new NodeIdentity() {
            @Override public String ed25519IdentityKey() { return id.ed25519IdentityKey(); }
            @Override public SphinxKey primarySphinxKey() { return id.primarySphinxKey(); }
            @Override public Optional<SphinxKey> preAnnouncedSphinxKey() { return id.preAnnouncedSphinxKey(); }
            @Override public Optional<String> noiseKeyBase58() { return Optional.of(NOISE_KEY); }
            @Override public byte[] sign(byte[] message) { return id.sign(message); }
        };
    }

    @Test
    void theNoiseKeyIsAnnouncedInTheSignedText() {
        TestIdentity id = TestIdentity.withSeed(0);
        String data = SignedHostInformation.data(withNoise(id), List.of("1.1.1.1"), Optional.of("foomp.com"));
        String expected = "{\"ip_address\":[\"1.1.1.1\"],\"hostname\":\"foomp.com\",\"keys\":{"
                + "\"ed25519_identity\":\"" + id.ed25519IdentityKey() + "\","
                + "\"x25519_sphinx\":\"" + id.primary.publicKeyBase58() + "\","
                + "\"primary_x25519_sphinx_key\":{\"rotation_id\":1234,\"public_key\":\"" + id.primary.publicKeyBase58() + "\"},"
                + "\"pre_announced_x25519_sphinx_key\":null,"
                + "\"x25519_versioned_noise\":{\"supported_version\":1,\"x25519_pubkey\":\"" + NOISE_KEY + "\"}}}";
        assertEquals(expected, data);
        String response = SignedHostInformation.response(withNoise(id), List.of("1.1.1.1"), Optional.of("foomp.com"));
        String signature = response.substring(response.lastIndexOf(":\"") + 2, response.length() - 2);
        assertTrue(TestIdentity.verify(id.ed25519IdentityKey(), expected.getBytes(StandardCharsets.UTF_8), signature));
    }

    @Test
    void withoutNoiseTheFieldStaysNull() {
        String data = SignedHostInformation.data(TestIdentity.withSeed(0), List.of(), Optional.empty());
        assertTrue(data.endsWith("\"x25519_versioned_noise\":null}}"), data);
    }
}
