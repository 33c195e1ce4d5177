package network.mask.node.localnet;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
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
import network.mask.node.nymapistandin.DescribedNode;
import network.mask.node.nymapistandin.NodeDescriber;

/**
 * INTERIM: how {@code masknode localnet} has the stand-in describe its nodes until the strict
 * describer (every route nym-api reads, the signature verified; being written in
 * {@code network.mask.node.nymapistandin}) is merged. This one reads only {@code host-information}
 * and {@code auxiliary-details}, the parts that go into the topology. At merge, {@link #create}
 * returns the strict describer instead, and this class goes.
 */
final class LocalnetDescriber implements NodeDescriber {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static NodeDescriber create() {
        return new LocalnetDescriber();
    }

    @Override
    public DescribedNode describe(URI apiBase) throws DescribeException {
        JsonObject host = get(apiBase, "host-information");
        JsonObject aux = get(apiBase, "auxiliary-details");
        try {
            JsonObject data = host.getJsonObject("data");
            JsonObject keys = data.getJsonObject("keys");
            List<String> ips = new ArrayList<>();
            data.getJsonArray("ip_address").forEach(v -> ips.add(((JsonString) v).getString()));
            Optional<String> hostname = data.get("hostname") instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
            int mixPort = aux.getJsonObject("announce_ports").get("mix_port") instanceof JsonNumber n ? n.intValue() : 1789;
            Optional<DescribedNode.AnnouncedKey> next = keys.get("pre_announced_x25519_sphinx_key") instanceof JsonObject o
                    ? Optional.of(key(o)) : Optional.empty();
            return new DescribedNode(keys.getString("ed25519_identity"), ips, hostname, mixPort,
                    key(keys.getJsonObject("primary_x25519_sphinx_key")), next, Optional.empty(), true, "", "",
                    aux.getBoolean("accepted_operator_terms_and_conditions"));
        } catch (RuntimeException e) {
            throw new DescribeException(apiBase + ": unexpected shape: " + e.getMessage(), e);
        }
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
