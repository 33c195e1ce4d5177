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

/** The shared vector files in ../shared/vectors (relative to the repository root). */
public final class SharedVectors {

    private SharedVectors() {}

    /** Fails, rather than skips, when the shared directory is missing. */
    public static Path dir() {
        Path repoRoot = Path.of("").toAbsolutePath().getParent();
        Path dir = repoRoot.getParent().resolve("shared").resolve("vectors");
        assertTrue(Files.isRegularFile(dir.resolve("forward_v259.json")),
                "shared vectors missing: expected " + dir + " (../shared/vectors beside the repository root)");
        return dir;
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
