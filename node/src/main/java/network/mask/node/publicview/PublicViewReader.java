package network.mask.node.publicview;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import network.mask.webui.spi.PublicView;

/**
 * Reads the node's own public API over loopback, exactly as a stranger would ({@code /api/v1/load},
 * {@code /api/v1/system-info}), so the dashboard shows what is really given away rather than what
 * the code means to give away.
 */
public final class PublicViewReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String host;
    private final IntSupplier port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param bindHost the API's bind address ("::" and "0.0.0.0" are read on loopback) */
    public PublicViewReader(String bindHost, IntSupplier port) {
        this.host = bindHost.equals("::") || bindHost.equals("0.0.0.0") || bindHost.isEmpty() ? "127.0.0.1"
                : bindHost.contains(":") ? "[" + bindHost + "]" : bindHost;
        this.port = port;
    }

    public PublicView read() {
        int p = port.getAsInt();
        if (p <= 0) return new PublicView(false, "the public API is not running", false, List.of());
        try {
            HttpResponse<String> load = get(p, "/api/v1/load");
            HttpResponse<String> info = get(p, "/api/v1/system-info");
            String loadWords = load.statusCode() == 200 ? loadWords(parse(load.body())) : "not answered (" + load.statusCode() + ")";
            if (info.statusCode() != 200) return new PublicView(true, loadWords, false, List.of());
            return new PublicView(true, loadWords, true, systemInfoLines(parse(info.body())));
        } catch (java.io.IOException | RuntimeException e) {
            return new PublicView(false, "could not be read just now (" + e.getClass().getSimpleName() + ")", false, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PublicView(false, "could not be read just now", false, List.of());
        }
    }

    private HttpResponse<String> get(int p, String path) throws java.io.IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + p + path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject parse(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    static String loadWords(JsonObject load) {
        return "total " + words(load.getString("total", "unknown")) + ", machine " + words(load.getString("machine", "unknown"))
                + ", network " + words(load.getString("network", "unknown"));
    }

    private static String words(String tier) {
        return tier.replace('_', ' ');
    }

    /** nym-node's HostSystem as the owner reads it: name, OS, kernel, CPU, memory. */
    static List<String> systemInfoLines(JsonObject s) {
        List<String> lines = new ArrayList<>();
        add(lines, "Operating system", s.get("system_name"), s.get("os_version"));
        add(lines, "Kernel", s.get("kernel_version"));
        add(lines, "CPU architecture", s.get("cpu_arch"));
        JsonObject hw = s.get("hardware") instanceof JsonObject o ? o : null;
        if (hw != null) {
            if (hw.get("cpu") instanceof JsonArray cpus && !cpus.isEmpty() && cpus.get(0) instanceof JsonObject first) {
                add(lines, "CPU", Json.createValue(cpus.size() + " × " + first.getString("brand", first.getString("name", "?"))));
            }
            if (hw.get("total_memory") instanceof jakarta.json.JsonNumber mem) {
                add(lines, "Memory", Json.createValue(String.format(java.util.Locale.ROOT, "%.1f GB", mem.longValue() / 1e9)));
            }
        }
        return lines;
    }

    private static void add(List<String> lines, String name, JsonValue... values) {
        List<String> parts = new ArrayList<>();
        for (JsonValue v : values) {
            if (v instanceof jakarta.json.JsonString str && !str.getString().isBlank()) parts.add(str.getString());
        }
        if (!parts.isEmpty()) lines.add(name + ": " + String.join(" ", parts));
    }
}
