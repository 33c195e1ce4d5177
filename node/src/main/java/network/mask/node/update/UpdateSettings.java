package network.mask.node.update;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * The updater's settings (docs/updates.md, "Settings"): the image's defaults in
 * {@code /usr/lib/masknode/update.properties}, overridden by {@code /etc/masknode/update.properties}.
 */
public record UpdateSettings(Optional<URI> feedUrl, Path publicKeyFile, Path root, Path requestFile, String service,
                             Duration gate, Duration gateTimeout, Duration checkInterval, long maxFeedBytes,
                             long maxBundleBytes, Duration connectTimeout, Duration readTimeout,
                             Duration downloadTimeout) {

    public static final Path IMAGE_DEFAULTS = Path.of("/usr/lib/masknode/update.properties");
    public static final Path OWNER_OVERRIDES = Path.of("/etc/masknode/update.properties");

    /** Reads the image's defaults and the owner's overrides (either may be absent). */
    public static UpdateSettings load() throws IOException {
        return load(IMAGE_DEFAULTS, OWNER_OVERRIDES);
    }

    public static UpdateSettings load(Path... files) throws IOException {
        Properties p = new Properties();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) continue;
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return from(p);
    }

    /** Built from properties; an unparsable value is an {@link IllegalArgumentException} naming the key. */
    public static UpdateSettings from(Properties p) {
        String feed = p.getProperty("feed_url", "").strip();
        return new UpdateSettings(
                feed.isEmpty() ? Optional.empty() : Optional.of(URI.create(feed)),
                Path.of(p.getProperty("public_key_file", "/usr/lib/masknode/update-key.pub")),
                Path.of(p.getProperty("root", "/var/lib/masknode-updates")),
                Path.of(p.getProperty("request_file", "/var/lib/masknode/update-request.json")),
                p.getProperty("service", "masknode.service"),
                seconds(p, "gate_seconds", 120),
                seconds(p, "gate_timeout_seconds", 600),
                Duration.ofHours(number(p, "check_interval_hours", 6)),
                number(p, "max_feed_bytes", 1 << 20),
                number(p, "max_bundle_bytes", 256L << 20),
                seconds(p, "connect_timeout_seconds", 15),
                seconds(p, "read_timeout_seconds", 60),
                seconds(p, "download_timeout_seconds", 1800));
    }

    public InstallLayout layout() {
        return new InstallLayout(root);
    }

    private static Duration seconds(Properties p, String key, long dflt) {
        return Duration.ofSeconds(number(p, key, dflt));
    }

    private static long number(Properties p, String key, long dflt) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) return dflt;
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of at least 0, not '" + v + "'");
        }
    }
}
