package network.mask.webui;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Many form posts sent at once over real HTTP, each on its own connection, as a LAN attacker would. */
final class Burst {

    private Burst() {
    }

    /** Posts {@code forms} to {@code path} concurrently with {@code cookie}; returns the responses in order. */
    static List<HttpResponse<String>> post(URI base, String path, String cookie, List<Map<String, String>> forms) {
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (Map<String, String> form : forms) {
            // A client per request: separate connections, so the server handles them in parallel.
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpRequest.Builder rb = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (cookie != null) {
                rb.header("Cookie", cookie);
            }
            pending.add(http.sendAsync(rb.build(), HttpResponse.BodyHandlers.ofString()));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    static long count(List<HttpResponse<String>> responses, int status) {
        return responses.stream().filter(r -> r.statusCode() == status).count();
    }
}
