package network.mask.node.sphinx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The Sphinx vector files the tests read: the repository's own copy in {@code vectors/} at the
 * repository root, byte-identical to the shared {@code ../shared/vectors} (checked by
 * {@code VectorCopyTest} when that folder exists), so a clone with nothing beside it runs every test.
 */
public final class SharedVectors {

    private SharedVectors() {}

    /** The repository's own vectors folder; fails, rather than skips, when it is missing. */
    public static Path dir() {
        Path dir = repositoryRoot().resolve("vectors");
        assertTrue(Files.isRegularFile(dir.resolve("forward_v259.json")),
                "vectors missing: expected " + dir + " (vectors/ at the repository root)");
        return dir;
    }

    /** The shared research copy beside the repository, when this checkout has one. */
    public static Optional<Path> sharedDir() {
        Path dir = repositoryRoot().getParent().resolve("shared").resolve("vectors");
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** Tests run with the module directory as working directory; the repository root is its parent. */
    static Path repositoryRoot() {
        return Path.of("").toAbsolutePath().getParent();
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    public static JsonObject load(String name) {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file(name)))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] hex(JsonObject object, String field) {
        return HexFormat.of().parseHex(object.getString(field));
    }
}
