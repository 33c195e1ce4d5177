package network.mask.node.nymapi;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import network.mask.node.storage.AtomicFiles;

/**
 * The last directory read from nym-api, on disk at {@code <data_dir>/nym-api/last-known-good.json},
 * so a node restarted without network still knows the schedule and its next hops. The file holds
 * nym-api's own JSON for each part and is read back with the same strict parsers. It is written
 * atomically, and only when something routing depends on changed.
 */
public final class LastKnownGood {

    static final int MAX_FILE_BYTES = 64 * 1024 * 1024;

    private final Path file;
    private String savedFingerprint;

    public LastKnownGood(Path dataDir) {
        this.file = dataDir.resolve("nym-api").resolve("last-known-good.json");
    }

    public Path file() {
        return file;
    }

    /** The saved directory, or empty when there is none. A damaged file is reported, never half-used. */
    public Optional<Directory> load() throws IOException, NymApiException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) throw Shapes.malformed(file + " is larger than " + MAX_FILE_BYTES + " bytes");
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        JsonObject o = Shapes.object(NymApiHttp.parse(bytes, file.toString()), file.toString());
        Instant asOf;
        try {
            asOf = Instant.parse(Shapes.string(o, "as_of"));
        } catch (DateTimeParseException e) {
            throw Shapes.malformed("'as_of' is not a time");
        }
        JsonValue schedule = o.get("key_rotation_info");
        JsonValue rewarded = o.get("rewarded_set");
        JsonArray nodesJson = Shapes.array(o, "nodes");
        List<DirectoryNode> nodes = new ArrayList<>();
        for (JsonValue v : nodesJson) nodes.add(DirectoryNode.fromSemiSkimmed(v));
        Directory d = new Directory(KeyRotationInfo.parse(schedule), nodes, RewardedSet.fromJson(rewarded),
                schedule, nodesJson, rewarded, asOf);
        savedFingerprint = d.routingFingerprint();
        return Optional.of(d);
    }

    /** Saves the directory if routing-relevant content differs from what is on disk; returns whether it wrote. */
    public boolean saveIfChanged(Directory d) throws IOException {
        String fingerprint = d.routingFingerprint();
        if (fingerprint.equals(savedFingerprint)) return false;
        JsonObject o = Json.createObjectBuilder()
                .add("as_of", d.asOf().toString())
                .add("key_rotation_info", d.scheduleJson())
                .add("rewarded_set", d.rewardedSetJson())
                .add("nodes", d.nodesJson())
                .build();
        AtomicFiles.write(file, o.toString().getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_WRITE);
        savedFingerprint = fingerprint;
        return true;
    }
}
