package network.mask.node.update;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Objects;

/** One release in the feed (docs/updates.md, "Release feed"). */
public record Release(SemVer version, String nymNodeVersion, SemVer minimumPrevious, String published,
                      String bundleUrl, long bundleSize, String bundleSha256, String notes, String notesUrl) {

    public Release {
        Objects.requireNonNull(version);
        Objects.requireNonNull(minimumPrevious);
        Objects.requireNonNull(bundleUrl);
        Objects.requireNonNull(bundleSha256);
        nymNodeVersion = nymNodeVersion == null ? "" : nymNodeVersion;
        published = published == null ? "" : published;
        notes = notes == null ? "" : notes;
        notesUrl = notesUrl == null ? "" : notesUrl;
    }

    /** The JSON form, as the feed and a version's {@code release.json} hold it. */
    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("version", version.toString())
                .add("nym_node_version", nymNodeVersion)
                .add("minimum_previous", minimumPrevious.toString())
                .add("published", published)
                .add("bundle", Json.createObjectBuilder().add("url", bundleUrl).add("size", bundleSize).add("sha256", bundleSha256))
                .add("notes", notes)
                .add("notes_url", notesUrl);
        return b.build();
    }
}
