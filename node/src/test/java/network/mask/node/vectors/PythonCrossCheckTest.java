package network.mask.node.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import network.mask.node.sphinx.SharedVectors;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds freshly generated vectors to vectors/check_vectors.py (the repository copy of ../shared/vectors), which re-implements the
 * spec in Python. Needs python3 with the "cryptography" package (Debian: python3-cryptography),
 * hence tagged slow (excluded by default).
 */
@Tag("slow")
class PythonCrossCheckTest {

    @Test
    void pythonAgreesWithEveryGeneratedHopAndConstruction(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("extra.json");
        String digest = new VectorFileGenerator(SphinxCrypto.preferred()).write(file, VectorFileGenerator.EXTRA);
        Process python = new ProcessBuilder("python3", SharedVectors.file("check_vectors.py").toString(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), output);
        assertTrue(output.contains("python cross-check: 23 passed, 0 failed"), output);
        assertTrue(output.contains("python construction check: 7 passed, 0 failed"), output);
        assertEquals(GeneratedVectorsTest.PYTHON_VERIFIED_SHA256, digest);
    }
}
