package network.mask.node.nymapistandin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A TEST-ONLY describer for the stand-in's tests: reads just {@code /api/v1/host-information} and
 * {@code /api/v1/auxiliary-details} of a real node, without verifying the signature or reading the other
 * routes. The strict describer (every route, signature verified, as nym-api) is the {@code describe}
 * helper's work in main code; the stand-in takes whichever it is given.
 */
public final class HostInfoTestDescriber implements NodeDescriber {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public DescribedNode describe(URI apiBase) throws DescribeException {
        JsonObject data = get(apiBase, "host-information").getJsonObject("data");
        JsonObject aux = get(apiBase, "auxiliary-details");
        JsonObject keys = data.getJsonObject("keys");
        List<String> ips = new ArrayList<>();
        data.getJsonArray("ip_address").forEach(v -> ips.add(((JsonString) v).getString()));
        Optional<String> hostname = data.get("hostname") instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
        JsonObject ports = aux.getJsonObject("announce_ports");
        int mixPort = ports.get("mix_port") instanceof jakarta.json.JsonNumber n ? n.intValue() : 1789;
        Optional<DescribedNode.AnnouncedKey> next = keys.get("pre_announced_x25519_sphinx_key") instanceof JsonObject o
                ? Optional.of(key(o)) : Optional.empty();
        return new DescribedNode(keys.getString("ed25519_identity"), ips, hostname, mixPort,
                key(keys.getJsonObject("primary_x25519_sphinx_key")), next, Optional.empty(), true, "", "",
                aux.getBoolean("accepted_operator_terms_and_conditions"));
    }

    private static DescribedNode.AnnouncedKey key(JsonObject o) {
        return new DescribedNode.AnnouncedKey(o.getJsonNumber("rotation_id").longValue(), o.getString("public_key"));
    }

    private JsonObject get(URI apiBase, String route) throws DescribeException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(apiBase.resolve("/api/v1/" + route))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new DescribeException(route + ": HTTP " + r.statusCode());
            try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
                JsonValue v = reader.readValue();
                if (v instanceof JsonObject o) return o;
                throw new DescribeException(route + ": not an object");
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new DescribeException(route + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DescribeException(route + ": interrupted", e);
        }
    }
}
