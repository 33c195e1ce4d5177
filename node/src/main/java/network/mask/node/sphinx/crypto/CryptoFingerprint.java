package network.mask.node.sphinx.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the measured choice depends on: CPU, JVM and native library versions. A cached choice is
 * reused only while this string is unchanged.
 */
public final class CryptoFingerprint {

    /** Bump when implementations or the measurement change enough that old choices mislead (2: thread CPU time). */
    static final int SELECTOR_VERSION = 2;

    private static final List<String> CPU_KEYS = List.of("model name", "Hardware", "Model", "CPU implementer", "CPU part");

    private CryptoFingerprint() {}

    public static String current() {
        StringJoiner joiner = new StringJoiner("|");
        joiner.add("selector=" + SELECTOR_VERSION);
        joiner.add("os=" + System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
        joiner.add("jvm=" + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        joiner.add("cpu=" + cpu(Path.of("/proc/cpuinfo")));
        for (CryptoProvider provider : CryptoProviders.all()) {
            String state = provider.unavailableReason().isPresent() ? "missing" : provider.versionInfo();
            joiner.add(provider.name() + "=" + state);
        }
        return joiner.toString();
    }

    /** The CPU model lines, plus a hash of the feature flags (a VM may hide AVX-512 or AES). */
    static String cpu(Path cpuinfo) {
        List<String> lines;
        try {
            lines = Files.readAllLines(cpuinfo, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "unknown";
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (CPU_KEYS.contains(key) || key.equals("flags") || key.equals("Features")) found.putIfAbsent(key, value);
        }
        StringJoiner joiner = new StringJoiner(";");
        found.forEach((key, value) -> joiner.add(key.equals("flags") || key.equals("Features")
                ? key + "#" + Integer.toHexString(value.hashCode()) : key + "=" + value));
        return joiner.length() == 0 ? "unknown" : joiner.toString().replace('|', '/');
    }
}
