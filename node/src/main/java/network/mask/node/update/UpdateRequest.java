package network.mask.node.update;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import network.mask.node.storage.AtomicFiles;

/**
 * The owner's wishes ({@code update-request.json}, docs/updates.md): written by the node (page,
 * MQTT, CLI), read by the updater, which records {@code written} once it acted on it.
 *
 * @param install a version to install now, {@code "latest"}, or empty
 */
public record UpdateRequest(boolean automatic, String install, boolean check, String written) {

    /** No file yet: install automatically (the owner's default), nothing asked. */
    public static final UpdateRequest DEFAULT = new UpdateRequest(true, "", false, "");

    public UpdateRequest {
        install = install == null ? "" : install;
        written = written == null ? "" : written;
    }

    public static UpdateRequest read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return DEFAULT;
        }
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            JsonObject o = r.readObject();
            return new UpdateRequest(o.getBoolean("automatic", true),
                    o.get("install") instanceof jakarta.json.JsonString s ? s.getString() : "",
                    o.getBoolean("check", false), o.getString("written", ""));
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return DEFAULT;   // a damaged wish falls back to the safe default: automatic, nothing pending
        }
    }

    /** Writes a new wish (stamped now, so the updater sees it as new); world-readable, it holds no secret. */
    public UpdateRequest stampedAndWritten(Path file) throws IOException {
        UpdateRequest stamped = new UpdateRequest(automatic, install, check, Instant.now().toString());
        JsonObjectBuilder b = Json.createObjectBuilder().add("format", 1).add("automatic", automatic)
                .add("install", install.isEmpty() ? JsonValue.NULL : Json.createValue(install))
                .add("check", check).add("written", stamped.written);
        AtomicFiles.write(file, (b.build().toString() + "\n").getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_WRITE);
        return stamped;
    }

    public UpdateRequest withAutomatic(boolean on) {
        return new UpdateRequest(on, "", false, written);
    }

    public UpdateRequest withInstall(String version) {
        return new UpdateRequest(automatic, version, true, written);
    }

    public UpdateRequest withCheck() {
        return new UpdateRequest(automatic, "", true, written);
    }
}
