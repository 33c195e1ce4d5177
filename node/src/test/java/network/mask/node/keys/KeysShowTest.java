package network.mask.node.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code masknode keys show}: both Sphinx keys with their rotation ids and what the second one is for. */
class KeysShowTest {

    final SecureRandom random = new SecureRandom();
    final IdentityKey id = IdentityKey.generate(random);

    List<String> shown(NodeKeys keys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KeysCommand.print(keys, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void namesThePreAnnouncedAndTheOverlapKey() {
        SphinxKey k7 = SphinxKey.generate(7, random);
        SphinxKey k8 = SphinxKey.generate(8, random);
        List<String> pre = shown(new NodeKeys(id, k7, k8));
        assertEquals("sphinx_key = " + k7.publicKeyBase58(), pre.get(1));
        assertEquals("sphinx_key_rotation = 7", pre.get(2));
        assertEquals("sphinx_key_secondary = " + k8.publicKeyBase58(), pre.get(3));
        assertEquals("sphinx_key_secondary_rotation = 8", pre.get(4));
        assertEquals("sphinx_key_secondary_role = pre-announced (next rotation; announced in host-information)", pre.get(5));

        List<String> overlap = shown(new NodeKeys(id, k8, k7));
        assertEquals("sphinx_key_secondary_role = overlap (previous rotation; still accepted, not announced)", overlap.get(5));
        assertEquals(3, shown(new NodeKeys(id, k8, null)).size(), "identity and one Sphinx key");
    }
}
