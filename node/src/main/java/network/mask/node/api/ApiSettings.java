package network.mask.node.api;

import java.util.Optional;

/**
 * Settings of the public node API.
 *
 * @param bindHost        address to listen on, e.g. {@code 0.0.0.0} (all), {@code ::} or {@code 127.0.0.1} (dev)
 * @param port            TCP port, default {@value #DEFAULT_PORT} as nym-node; 0 picks a free port (tests)
 * @param prometheusToken bearer token for {@code /api/v1/metrics/prometheus}, or null: then that
 *                        route is not served at all, as in nym-node. Never printed by {@link #toString()}.
 */
public record ApiSettings(String bindHost, int port, String prometheusToken) {

    public static final int DEFAULT_PORT = 8080;
    static final int MIN_TOKEN_LENGTH = 16;

    public ApiSettings {
        if (bindHost == null || bindHost.isBlank()) bindHost = "0.0.0.0";
        if (port < 0 || port > 65535) throw new IllegalArgumentException("API port must be 0-65535, got " + port);
        if (prometheusToken != null && prometheusToken.isEmpty()) prometheusToken = null;
        if (prometheusToken != null) {
            if (prometheusToken.length() < MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException("Prometheus bearer token must be at least " + MIN_TOKEN_LENGTH + " characters");
            }
            if (!prometheusToken.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("Prometheus bearer token must be printable ASCII without spaces");
            }
        }
    }

    public static ApiSettings defaults() {
        return new ApiSettings("0.0.0.0", DEFAULT_PORT, null);
    }

    public Optional<String> token() {
        return Optional.ofNullable(prometheusToken);
    }

    @Override
    public String toString() {
        return "ApiSettings[bindHost=" + bindHost + ", port=" + port + ", prometheusToken="
                + (prometheusToken == null ? "none" : "***") + "]";
    }
}
