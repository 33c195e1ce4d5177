package network.mask.node.nymapi;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * JSON over HTTP to a list of nym-api URLs with failover: each request tries the URL that last
 * answered first, then the others, each bounded by a total timeout (headers and body) and a size
 * limit. Failures are typed ({@link NymApiException.Kind}) and counted. Runs on virtual threads of
 * its own; callers are the directory's timer and never the packet path.
 */
public final class NymApiHttp implements AutoCloseable {

    /** Turns a parsed JSON answer into a value, or says why it does not have nym-api's shape. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(JsonValue json) throws NymApiException;
    }

    private final List<URI> bases;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;
    private final Map<NymApiException.Kind, LongAdder> failures = new EnumMap<>(NymApiException.Kind.class);
    private final String userAgent;
    private volatile int preferred;

    public NymApiHttp(List<URI> bases, Duration timeout, String userAgent) {
        if (bases.isEmpty()) throw new IllegalArgumentException("no nym-api URL configured");
        this.bases = List.copyOf(bases);
        this.timeout = timeout;
        this.userAgent = userAgent;
        for (NymApiException.Kind k : NymApiException.Kind.values()) failures.put(k, new LongAdder());
        this.http = HttpClient.newBuilder().executor(executor).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public List<URI> bases() {
        return bases;
    }

    /** GET {@code route} (relative, e.g. {@code v1/epoch/key-rotation-info}) from the first URL that answers well. */
    public <T> T get(String route, int maxBytes, Parser<T> parser) throws NymApiException {
        return withFailover(base -> send(base, route, null, maxBytes, parser));
    }

    /** POST a JSON body to {@code route} with failover. */
    public <T> T post(String route, String jsonBody, int maxBytes, Parser<T> parser) throws NymApiException {
        return withFailover(base -> send(base, route, jsonBody, maxBytes, parser));
    }

    /**
     * POSTs to every URL (as nym-node broadcasts its refresh request,
     * {@code nym-node/src/node/nym_apis_client.rs}) and returns how many accepted it.
     */
    public int broadcast(String route, String jsonBody, int maxBytes) {
        List<CompletableFuture<Boolean>> all = new ArrayList<>();
        for (URI base : bases) {
            all.add(CompletableFuture.supplyAsync(() -> {
                try {
                    send(base, route, jsonBody, maxBytes, json -> Boolean.TRUE);
                    return true;
                } catch (NymApiException e) {
                    return false;
                }
            }, executor));
        }
        int ok = 0;
        for (CompletableFuture<Boolean> f : all) if (f.join()) ok++;
        return ok;
    }

    /** Failures so far, by kind. */
    public Map<NymApiException.Kind, Long> failureCounts() {
        Map<NymApiException.Kind, Long> out = new EnumMap<>(NymApiException.Kind.class);
        failures.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T at(URI base) throws NymApiException;
    }

    private <T> T withFailover(Attempt<T> attempt) throws NymApiException {
        int first = preferred;
        NymApiException last = null;
        List<String> why = new ArrayList<>();
        for (int i = 0; i < bases.size(); i++) {
            int index = (first + i) % bases.size();
            try {
                T value = attempt.at(bases.get(index));
                preferred = index;
                return value;
            } catch (NymApiException e) {
                failures.get(e.kind()).increment();
                last = e;
                why.add(bases.get(index) + ": " + printable(e.getMessage()));
            }
        }
        throw new NymApiException(last.kind(), String.join("; ", why), last);
    }

    private <T> T send(URI base, String route, String body, int maxBytes, Parser<T> parser) throws NymApiException {
        URI uri = base.resolve(route);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json").header("User-Agent", userAgent);
        if (body == null) b.GET();
        else b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(b.build(), BoundedBody.handler(maxBytes));
        HttpResponse<byte[]> response;
        try {
            // The request timeout covers the headers only; this bounds the body too (a server may trickle it).
            response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new NymApiException(NymApiException.Kind.TIMEOUT, "no complete answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new NymApiException(NymApiException.Kind.UNREACHABLE, "interrupted");
        } catch (CancellationException e) {
            throw new NymApiException(NymApiException.Kind.UNREACHABLE, "cancelled");
        } catch (ExecutionException e) {
            throw classify(e.getCause());
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new NymApiException(NymApiException.Kind.HTTP_STATUS, "HTTP " + status + " for " + route);
        }
        return parser.parse(parse(response.body(), route));
    }

    /** A server's words as the log and status may show them: printable ASCII, at most 160 characters. */
    static String printable(String s) {
        if (s == null) return "";
        String clean = s.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() <= 160 ? clean : clean.substring(0, 157) + "...";
    }

    static JsonValue parse(byte[] body, String what) throws NymApiException {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            String start = printable(new String(body, 0, Math.min(body.length, 40), StandardCharsets.UTF_8));
            throw new NymApiException(NymApiException.Kind.MALFORMED, what + " is not JSON (starts with '" + start + "')", e);
        }
    }

    private static NymApiException classify(Throwable cause) {
        if (cause instanceof NymApiException e) return e;
        if (cause instanceof HttpConnectTimeoutException) {
            return new NymApiException(NymApiException.Kind.TIMEOUT, "connect timed out", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new NymApiException(NymApiException.Kind.TIMEOUT, "timed out", cause);
        }
        if (cause instanceof java.net.ProtocolException) {
            return new NymApiException(NymApiException.Kind.MALFORMED, "not an HTTP answer: " + cause.getMessage(), cause);
        }
        if (cause instanceof ConnectException) {
            return new NymApiException(NymApiException.Kind.UNREACHABLE, "connection refused", cause);
        }
        if (cause instanceof IOException) {
            // e.g. a garbage status line, or the peer closed mid-answer
            String m = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return new NymApiException(NymApiException.Kind.UNREACHABLE, m, cause);
        }
        return new NymApiException(NymApiException.Kind.MALFORMED, String.valueOf(cause), cause);
    }

    @Override
    public void close() {
        http.shutdownNow();
        executor.shutdownNow();
    }
}
