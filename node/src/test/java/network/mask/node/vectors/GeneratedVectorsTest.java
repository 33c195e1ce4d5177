package network.mask.node.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import network.mask.node.sphinx.Backends;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated extra vectors are byte-identical to the file that vectors/check_vectors.py (the repository copy of ../shared/vectors)
 * (an independent Python implementation of the spec) accepted: 23 hop results and 7 constructions,
 * covering extended16/32, version 260, 1 and 5 hops, IPv6, an empty and a full message, and a
 * u64-max delay. If this digest changes, re-run {@code PythonCrossCheckTest} (tag "slow") before
 * updating it.
 */
class GeneratedVectorsTest {

    static final String PYTHON_VERIFIED_SHA256 = "44197f2f951cace02994ca2fec25d2b60283ca65f14b09102edb559f80434419";

    @Test
    void everyBackendGeneratesThePythonVerifiedFile(@TempDir Path dir) throws IOException {
        for (Named<SphinxCrypto> suite : Backends.suites()) {
            String digest = new VectorFileGenerator(suite.getPayload()).write(dir.resolve(suite.getName() + ".json"),
                    VectorFileGenerator.EXTRA);
            assertEquals(PYTHON_VERIFIED_SHA256, digest, suite.getName());
        }
    }
}
