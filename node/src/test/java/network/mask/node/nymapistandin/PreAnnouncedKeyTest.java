package network.mask.node.nymapistandin;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import network.mask.node.keys.IdentityKey;
import network.mask.node.keys.KeyStore;
import network.mask.node.keys.NodeKeys;
import network.mask.node.keys.SphinxKey;
import network.mask.node.nymapi.NodeRole;
import network.mask.node.nymapi.NymApiClient;
import network.mask.node.nymapi.NymApiHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real node that pre-announces its next key: the stand-in serves it once its rotation is the network's. */
class PreAnnouncedKeyTest {

    @TempDir Path dir;

    @Test
    void theServedKeySwitchesToThePreAnnouncedOneAtTheRotation() throws Exception {
        SecureRandom random = new SecureRandom();
        SphinxKey current = SphinxKey.generate(1, random);
        SphinxKey next = SphinxKey.generate(2, random);
        new KeyStore(dir.resolve("n"), random).save(new NodeKeys(IdentityKey.generate(random), current, next));
        TestClock time = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        // epoch 3 of 3-epoch rotations: rotation 1 now
        EpochClock epochs = new EpochClock(time.instant().minus(Duration.ofMinutes(3)), Duration.ofMinutes(1), 3, 0, time);
        try (ApiNode node = ApiNode.start(dir.resolve("n"));
             NymApiStandIn standIn = new NymApiStandIn(epochs, new HostInfoTestDescriber(), 10).start();
             NymApiClient client = new NymApiClient(new NymApiHttp(List.of(standIn.baseUrl()), Duration.ofSeconds(5), "test"))) {
            standIn.register(node.apiBase(), NodeRole.LAYER1);
            assertEquals(1, client.semiSkimmedNodes().rotationId());
            assertEquals(current.publicKeyBase58(), client.semiSkimmedNodes().nodes().getFirst().sphinxKeyBase58());
            time.advance(Duration.ofMinutes(3));
            standIn.describeAll();   // as at every epoch start
            NymApiClient.NodeList later = client.semiSkimmedNodes();
            assertEquals(2, later.rotationId());
            assertEquals(next.publicKeyBase58(), later.nodes().getFirst().sphinxKeyBase58());
        }
    }
}
