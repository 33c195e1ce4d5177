package network.mask.node.sphinx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The repository's {@code vectors/} is a byte-identical copy of the shared {@code ../shared/vectors}.
 * Where no shared folder sits beside the clone (a newcomer's checkout) the comparison is skipped,
 * and says so; the other vector tests still run on the repository's own copy.
 */
class VectorCopyTest {

    @Test
    void repositoryCopyIsByteIdenticalToTheSharedVectors() throws IOException {
        Optional<Path> shared = SharedVectors.sharedDir();
        Assumptions.assumeTrue(shared.isPresent(),
                "no ../shared/vectors beside this clone: comparison with the shared copy skipped");
        TreeSet<String> sharedNames = names(shared.get());
        TreeSet<String> ownNames = names(SharedVectors.dir());
        assertFalse(sharedNames.isEmpty(), "the shared vectors folder is empty");
        assertEquals(sharedNames, ownNames, "vectors/ must hold exactly the files of ../shared/vectors");
        for (String name : sharedNames) {
            assertArrayEquals(Files.readAllBytes(shared.get().resolve(name)),
                    Files.readAllBytes(SharedVectors.dir().resolve(name)),
                    "vectors/" + name + " differs from ../shared/vectors/" + name + ": copy it again");
        }
    }

    private static TreeSet<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> list = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
            return new TreeSet<>(list);
        }
    }
}
