package network.mask.node.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code <name>.local} the box answers to on the home network. On the SD-card image avahi
 * answers to a fixed {@code host-name} ({@code masknode}) while {@code /etc/hostname} carries the
 * box's unique {@code masknode-xxxx}; the name to print is avahi's, or the owner would be sent to a
 * name nothing answers. Without avahi's setting, avahi uses the host name, and so do we. A second
 * box on the same network is renamed by avahi at run time ({@code masknode-2.local}), which this
 * cannot see; the claim code still keeps its owner from claiming the wrong box.
 */
final class MdnsName {

    static final String FALLBACK = "masknode.local";
    private static final String LABEL = "[A-Za-z0-9-]{1,63}";

    private MdnsName() {}

    static String of(Path avahiConf, Path hostnameFile) {
        return avahiHostName(avahiConf).or(() -> hostName(hostnameFile)).map(name -> name + ".local").orElse(FALLBACK);
    }

    /** {@code host-name=} in avahi-daemon.conf's {@code [server]} section, if set and valid. */
    static Optional<String> avahiHostName(Path conf) {
        List<String> lines;
        try {
            lines = Files.readAllLines(conf, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        String section = "";
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
            } else if (section.equals("server") && line.startsWith("host-name")) {
                int eq = line.indexOf('=');
                if (eq < 0 || !line.substring(0, eq).strip().equals("host-name")) continue;
                String name = line.substring(eq + 1).strip();
                return name.matches(LABEL) ? Optional.of(name) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> hostName(Path file) {
        try {
            String name = Files.readString(file, StandardCharsets.UTF_8).strip();
            return name.matches(LABEL) ? Optional.of(name) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
