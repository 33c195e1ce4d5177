package network.mask.webui;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

/**
 * A browser stand-in over real HTTP: keeps the session cookie, picks up the CSRF token from the
 * last page it saw, never follows redirects (tests assert them).
 */
public final class TestClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final URI base;
    private String cookie;
    private String csrf;

    public TestClient(URI base, Optional<SSLContext> tls) {
        this(base, tls, Optional.empty());
    }

    /** A browser on another machine of the LAN: its requests come from {@code local} (e.g. 127.0.0.2). */
    public TestClient(URI base, Optional<SSLContext> tls, Optional<java.net.InetAddress> local) {
        HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10));
        tls.ifPresent(b::sslContext);
        local.ifPresent(b::localAddress);
        this.http = b.build();
        this.base = base;
    }

    public record Response(int status, java.net.http.HttpHeaders headers, byte[] bytes) {
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String location() {
            return header("Location").orElse("");
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), Map.of());
    }

    /** A form post carrying the current CSRF token. */
    public Response post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", csrf == null ? "" : csrf);
        return postRaw(path, all, Map.of());
    }

    /** A form post exactly as given: no CSRF token added. */
    public Response postRaw(String path, Map<String, String> fields, Map<String, String> headers) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder rb = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(rb, headers);
    }

    public Response send(HttpRequest.Builder rb, Map<String, String> headers) {
        if (cookie != null) {
            rb.header("Cookie", cookie);
        }
        headers.forEach(rb::header);
        rb.timeout(Duration.ofSeconds(30));
        try {
            HttpResponse<byte[]> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
            Response response = new Response(r.statusCode(), r.headers(), r.body());
            remember(response);
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String csrf() {
        return csrf;
    }

    public String cookie() {
        return cookie;
    }

    public void forgetCookie() {
        cookie = null;
    }

    public void useCookie(String value) {
        cookie = value;
    }

    private void remember(Response r) {
        r.headers().allValues("Set-Cookie").forEach(c -> {
            String pair = c.split(";", 2)[0];
            cookie = c.contains("Max-Age=0") ? null : pair;
        });
        String contentType = r.header("Content-Type").orElse("");
        if (contentType.startsWith("text/html")) {
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
        }
    }
}
