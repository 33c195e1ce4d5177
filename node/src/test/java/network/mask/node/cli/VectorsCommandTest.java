package network.mask.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import network.mask.node.sphinx.SharedVectors;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import network.mask.node.vectors.VectorFileGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorsCommandTest {

    private static String shared(String name) {
        return SharedVectors.file(name).toString();
    }

    @Test
    void everySharedFilePassesWithEveryBackend() {
        CliRun run = CliRun.of("vectors", "--backend", "all", shared("forward_v259.json"), shared("forward_v258.json"),
                shared("tampered.json"), shared("primitives.json"));
        assertEquals(0, run.exitCode(), run.out() + run.err());
        // 5 suites x (7 + 3 + 13 + 8 cases)
        assertEquals("155 passed, 0 failed", run.lastLine());
        assertTrue(run.lines().stream().limit(run.lines().size() - 1).filter(line -> !line.startsWith("# "))
                .allMatch(line -> line.startsWith("PASS ")), run.out());
        assertTrue(run.out().contains("zero_alpha_forged_final_hop: rejected BAD_GROUP_ELEMENT"), run.out());
        // What was found on this machine comes first: the CPU, then every backend (this PC has both libraries).
        assertTrue(run.lines().getFirst().startsWith("# cpu: " + System.getProperty("os.arch") + ", "), run.out());
        assertTrue(run.out().contains("# backend sodium: loaded (native, libsodium "), run.out());
        assertTrue(run.out().contains("# backend openssl: loaded (native, "), run.out());
    }

    @Test
    void requiredBackendsThatLoadAddNoFailure() {
        CliRun run = CliRun.of("vectors", "--require", "sodium,openssl", "--backend", "sodium", shared("primitives.json"));
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("8 passed, 0 failed", run.lastLine());
        assertTrue(run.out().contains("# backend bc: loaded (java)"), run.out());
        // Every primitive of a required backend passed its self-test, the Noise links' AES-GCM included.
        String openssl = run.lines().stream().filter(l -> l.startsWith("# known answers openssl: ")).findFirst().orElseThrow();
        assertTrue(openssl.contains("aes-gcm") && openssl.contains("aes-ctr") && openssl.endsWith(" pass"), openssl);
    }

    @Test
    void anUnknownRequiredBackendIsAUsageError() {
        CliRun run = CliRun.of("vectors", "--require", "sodium,gmp", shared("primitives.json"));
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown backend 'gmp' in --require"), run.err());
    }

    /** Files the command has never seen: other sizes, versions, routes and message lengths. */
    @Test
    void generatedFilesOfTheSameSchemaPass(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("extra.json");
        new VectorFileGenerator(SphinxCrypto.portable()).write(file, VectorFileGenerator.EXTRA);
        CliRun run = CliRun.of("vectors", file.toString());
        assertEquals(0, run.exitCode(), run.out());
        assertEquals(VectorFileGenerator.EXTRA.size() + " passed, 0 failed", run.lastLine());
        assertTrue(run.out().contains("gen/v259/extended32/1hop-full: 1 hop, sender construction equal"), run.out());
    }

    @Test
    void aWrongByteFailsItsCaseWithTheHopNamed(@TempDir Path dir) throws IOException {
        String text = Files.readString(SharedVectors.file("forward_v258.json"));
        // Change one nibble inside the first hop's output packet.
        int at = text.indexOf("\"output_packet_hex\": \"") + "\"output_packet_hex\": \"".length() + 100;
        char flipped = text.charAt(at) == '0' ? '1' : '0';
        Path file = dir.resolve("broken.json");
        Files.writeString(file, text.substring(0, at) + flipped + text.substring(at + 1));
        CliRun run = CliRun.of("vectors", file.toString());
        assertEquals(1, run.exitCode());
        assertEquals("2 passed, 1 failed", run.lastLine());
        assertTrue(run.out().contains("FAIL broken.json v258/regular/3mix+gateway: hop 0: forwarded packet differs"), run.out());
    }

    @Test
    void unreadableOrMalformedFilesAreOneLineErrors(@TempDir Path dir) throws IOException {
        Path notJson = Files.writeString(dir.resolve("not.json"), "{ \"cases\": [ ");
        Path alien = Files.writeString(dir.resolve("alien.json"), "{\"hello\": 1}");
        Path missingField = Files.writeString(dir.resolve("missing.json"), "{\"cases\": [{\"name\": \"x\", \"hops\": []}]}");
        CliRun run = CliRun.of("vectors", dir.resolve("absent.json").toString(), notJson.toString(), alien.toString(),
                missingField.toString(), shared("forward_v258.json"));
        assertEquals(1, run.exitCode());
        assertEquals("3 passed, 4 failed", run.lastLine());
        assertTrue(run.err().contains("cannot read"), run.err());
        assertTrue(run.err().contains("not a JSON object"), run.err());
        assertTrue(run.err().contains("not a Sphinx vector file"), run.err());
        assertTrue(run.out().contains("FAIL missing.json x: malformed case"), run.out());
        assertFalse(run.out().contains("\tat ") || run.err().contains("\tat "), "no stack traces");
    }

    @Test
    void usageErrors() {
        assertEquals(2, CliRun.of("vectors").exitCode());
        CliRun unknown = CliRun.of("vectors", "--backend", "gmp", shared("primitives.json"));
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown backend 'gmp'"), unknown.err());
        assertTrue(CliRun.of("--help").out().contains("vectors [--backend"));
    }
}
