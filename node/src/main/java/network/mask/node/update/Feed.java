package network.mask.node.update;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The release feed (docs/updates.md): a serial that only grows, and the releases. Parse only
 * bytes whose signature {@link MinisignVerifier} accepted.
 */
public record Feed(long serial, String published, List<Release> releases) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    static final int FORMAT = 1;

    public Feed {
        releases = List.copyOf(releases);
    }

    public static Feed parse(byte[] verifiedBytes) throws UpdateException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(verifiedBytes)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("not UTF-8");
        }
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw malformed("not a JSON object: " + e.getMessage());
        }
        if (integer(root, "format") != FORMAT) throw malformed("format " + root.get("format") + ", this updater reads " + FORMAT);
        long serial = integer(root, "serial");
        JsonValue list = root.get("releases");
        if (!(list instanceof JsonArray array)) throw malformed("no releases list");
        List<Release> releases = new ArrayList<>();
        for (JsonValue v : array) {
            if (!(v instanceof JsonObject o)) throw malformed("a release is not an object");
            releases.add(release(o));
        }
        return new Feed(serial, optionalText(root, "published"), releases);
    }

    private static Release release(JsonObject o) throws UpdateException {
        SemVer version = version(o, "version");
        SemVer minimum = version(o, "minimum_previous");
        if (version.isSnapshot()) throw malformed("release " + version + " is a development build");
        if (!(o.get("bundle") instanceof JsonObject bundle)) throw malformed("release " + version + " has no bundle");
        String url = text(bundle, "url");
        long size = integer(bundle, "size");
        if (size <= 0) throw malformed("release " + version + " has bundle size " + size);
        String sha = text(bundle, "sha256");
        if (!SHA256.matcher(sha).matches()) throw malformed("release " + version + " has no lower-case hex SHA-256");
        return new Release(version, optionalText(o, "nym_node_version"), minimum, optionalText(o, "published"),
                url, size, sha, optionalText(o, "notes"), optionalText(o, "notes_url"));
    }

    /** The newest release, if any. */
    public Optional<Release> newest() {
        return releases.stream().max((a, b) -> a.version().compareTo(b.version()));
    }

    public Optional<Release> find(SemVer version) {
        return releases.stream().filter(r -> r.version().equals(version)).findFirst();
    }

    /** The feed's JSON text, releases newest first (what the release tool signs). */
    public String toJsonText() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        releases.stream().sorted((a, b) -> b.version().compareTo(a.version())).forEach(r -> list.add(r.toJson()));
        JsonObject root = Json.createObjectBuilder().add("format", FORMAT).add("serial", serial)
                .add("published", published).add("releases", list).build();
        StringWriter out = new StringWriter();
        Json.createWriterFactory(java.util.Map.of(jakarta.json.stream.JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out).write(root);
        return out.toString().strip() + "\n";
    }

    static SemVer version(JsonObject o, String field) throws UpdateException {
        try {
            return SemVer.parse(text(o, field));
        } catch (IllegalArgumentException e) {
            throw malformed(field + ": " + e.getMessage());
        }
    }

    static String text(JsonObject o, String field) throws UpdateException {
        if (!(o.get(field) instanceof JsonString s)) throw malformed("missing text field " + field);
        return s.getString();
    }

    static String optionalText(JsonObject o, String field) throws UpdateException {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL) return "";
        if (!(v instanceof JsonString s)) throw malformed(field + " is not text");
        return s.getString();
    }

    static long integer(JsonObject o, String field) throws UpdateException {
        if (!(o.get(field) instanceof JsonNumber n) || !n.isIntegral()) throw malformed("missing whole number " + field);
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw malformed(field + " out of range");
        }
    }

    private static UpdateException malformed(String detail) {
        return new UpdateException(UpdateError.FEED_MALFORMED, detail);
    }
}
