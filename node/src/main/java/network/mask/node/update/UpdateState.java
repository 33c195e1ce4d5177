package network.mask.node.update;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import network.mask.node.storage.AtomicFiles;

/**
 * {@code state.json} (docs/updates.md, "State"): written only by the updater, atomically; read by
 * the node, the page, MQTT and the CLI. Mutable while one run builds it, then saved.
 */
public final class UpdateState {

    /** A new version on trial; non-null exactly while the gate has not decided. */
    public record Gate(String version, String from, String started, int attempts) {}

    /** The last feed check. {@code available} is what this box may install, if anything. */
    public record Check(String at, boolean ok, String error, String message, Release available) {}

    /** How the last install ended: installed, rolled_back, refused, failed, interrupted. */
    public record Outcome(String at, String version, String from, String result, String reason) {}

    public String phase = "idle";
    public String installed = "";
    public String good = "";
    public Gate gate;
    public long feedSerial = -1;
    public Check lastCheck;
    public Outcome lastOutcome;
    public String requestHandled = "";
    public final Map<String, Long> counters = new TreeMap<>();

    public void count(String counter) {
        counters.merge(counter, 1L, Long::sum);
    }

    public long counter(String counter) {
        return counters.getOrDefault(counter, 0L);
    }

    /** The saved state, or a fresh one when there is none yet; unreadable JSON also starts fresh. */
    public static UpdateState read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new UpdateState();
        }
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return fromJson(r.readObject());
        } catch (JsonException | IllegalStateException | ClassCastException | UpdateException e) {
            UpdateState fresh = new UpdateState();
            fresh.count("state_unreadable");
            return fresh;
        }
    }

    public void write(Path file) throws IOException {
        AtomicFiles.write(file, (toJson().toString() + "\n").getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_WRITE);
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("format", 1).add("phase", phase)
                .add("installed", installed).add("good", good).add("feed_serial", feedSerial)
                .add("request_handled", requestHandled);
        b.add("gate", gate == null ? JsonValue.NULL : Json.createObjectBuilder().add("version", gate.version)
                .add("from", gate.from).add("started", gate.started).add("attempts", gate.attempts).build());
        if (lastCheck == null) {
            b.add("last_check", JsonValue.NULL);
        } else {
            JsonObjectBuilder c = Json.createObjectBuilder().add("at", lastCheck.at).add("ok", lastCheck.ok)
                    .add("message", lastCheck.message);
            c.add("error", lastCheck.error == null ? JsonValue.NULL : Json.createValue(lastCheck.error));
            c.add("available", lastCheck.available == null ? JsonValue.NULL : lastCheck.available.toJson());
            b.add("last_check", c);
        }
        b.add("last_outcome", lastOutcome == null ? JsonValue.NULL : Json.createObjectBuilder().add("at", lastOutcome.at)
                .add("version", lastOutcome.version).add("from", lastOutcome.from).add("result", lastOutcome.result)
                .add("reason", lastOutcome.reason).build());
        JsonObjectBuilder cs = Json.createObjectBuilder();
        counters.forEach(cs::add);
        b.add("counters", cs);
        return b.build();
    }

    static UpdateState fromJson(JsonObject o) throws UpdateException {
        UpdateState s = new UpdateState();
        s.phase = o.getString("phase", "idle");
        s.installed = o.getString("installed", "");
        s.good = o.getString("good", "");
        s.requestHandled = o.getString("request_handled", "");
        s.feedSerial = o.get("feed_serial") instanceof JsonNumber n ? n.longValue() : -1;
        if (o.get("gate") instanceof JsonObject g) {
            s.gate = new Gate(g.getString("version"), g.getString("from", ""), g.getString("started", ""), g.getInt("attempts", 1));
        }
        if (o.get("last_check") instanceof JsonObject c) {
            Release available = null;
            if (c.get("available") instanceof JsonObject a) {
                JsonObject feedShape = Json.createObjectBuilder().add("format", 1).add("serial", 0)
                        .add("releases", Json.createArrayBuilder().add(a)).build();
                available = Feed.parse(feedShape.toString().getBytes(StandardCharsets.UTF_8)).releases().getFirst();
            }
            s.lastCheck = new Check(c.getString("at", ""), c.getBoolean("ok", false),
                    c.isNull("error") ? null : c.getString("error", null), c.getString("message", ""), available);
        }
        if (o.get("last_outcome") instanceof JsonObject x) {
            s.lastOutcome = new Outcome(x.getString("at", ""), x.getString("version", ""), x.getString("from", ""),
                    x.getString("result", ""), x.getString("reason", ""));
        }
        if (o.get("counters") instanceof JsonObject cs) {
            cs.forEach((k, v) -> {
                if (v instanceof JsonNumber n) s.counters.put(k, n.longValue());
            });
        }
        return s;
    }

    public Optional<Release> available() {
        return lastCheck == null ? Optional.empty() : Optional.ofNullable(lastCheck.available);
    }
}
