package network.mask.node.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The flags every node command shares: {@code --config FILE --data DIR --mix-port N --api-port N
 * --admin-port N --mqtt URL --dev}. Both {@code --flag value} and {@code --flag=value} work.
 */
public final class ConfigFlags {

    public static final String HELP = """
              --config FILE      config file (default: <data dir>/masknode.toml if it exists)
              --data DIR         data directory for keys and state (default /var/lib/masknode)
              --mix-port N       mix port (default 1789)
              --api-port N       public API port (default 8080)
              --admin-port N     setup page port (default 8443)
              --mqtt URL         publish telemetry to this broker, e.g. tcp://192.168.1.10:1883
              --dev              developer PC: mock board, everything on 127.0.0.1, data in ./masknode-dev
            """;

    private ConfigFlags() {}

    /** The overrides, and the arguments that were not config flags. */
    public record Parsed(ConfigLoader.Overrides overrides, List<String> rest) {}

    /** @throws IllegalArgumentException naming the flag that is wrong */
    public static Parsed parse(List<String> args) {
        Path config = null;
        Path data = null;
        Integer mix = null;
        Integer api = null;
        Integer admin = null;
        String mqtt = null;
        boolean dev = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a;
            String inline = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                inline = a.substring(eq + 1);
            }
            switch (name) {
                case "--dev" -> dev = true;
                case "--config", "--data", "--mix-port", "--api-port", "--admin-port", "--mqtt" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.size()) throw new IllegalArgumentException(name + " needs a value");
                        value = args.get(++i);
                    }
                    switch (name) {
                        case "--config" -> config = Path.of(value).toAbsolutePath();
                        case "--data" -> data = Path.of(value).toAbsolutePath();
                        case "--mix-port" -> mix = port(name, value);
                        case "--api-port" -> api = port(name, value);
                        case "--admin-port" -> admin = port(name, value);
                        default -> mqtt = value;
                    }
                }
                default -> rest.add(a);
            }
        }
        return new Parsed(new ConfigLoader.Overrides(config, data, mix, api, admin, mqtt, dev), rest);
    }

    private static int port(String flag, String value) {
        try {
            int p = Integer.parseInt(value);
            if (p >= 1 && p <= 65535) return p;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " expects a port from 1 to 65535, got '" + value + "'");
    }
}
