package network.mask.node.config;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code masknode config check FILE | show [flags] | defaults}. */
public final class ConfigCommand {

    private ConfigCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(usage());
            return 2;
        }
        try {
            switch (args[0]) {
                case "check" -> {
                    if (args.length != 2) {
                        err.println("usage: masknode config check FILE");
                        return 2;
                    }
                    NodeConfig c = ConfigLoader.check(Path.of(args[1]));
                    java.util.List<String> pageRules = network.mask.node.configcheck.SetupPageRules.check(c);
                    if (!pageRules.isEmpty()) {   // what the setup page would refuse, in its words
                        pageRules.forEach(pr -> err.println(args[1] + ": " + pr));
                        return 1;
                    }
                    out.println(args[1] + ": OK (" + c.node().name() + ", mix port " + c.mixnet().port()
                            + ", data " + c.node().dataDir() + ")");
                    return 0;
                }
                case "defaults" -> {
                    out.print(ConfigStore.render(NodeConfig.defaults()));
                    return 0;
                }
                case "show" -> {
                    ConfigFlags.Parsed p = ConfigFlags.parse(List.of(args).subList(1, args.length));
                    if (!p.rest().isEmpty()) {
                        err.println("masknode config show: unknown option " + p.rest().getFirst());
                        return 2;
                    }
                    NodeConfig c = ConfigLoader.load(p.overrides());
                    out.println("# effective configuration" + (c.source() == null ? "" : " (file " + c.source() + ")"));
                    for (Map.Entry<ConfigKey<?>, Object> e : c.values().entrySet()) {
                        ConfigKey<?> k = e.getKey();
                        String shown = k.isSecret() && !"".equals(e.getValue()) ? "\"(set)\"" : k.renderUnchecked(e.getValue());
                        out.println(k.path() + " = " + shown);
                    }
                    return 0;
                }
                default -> {
                    err.print(usage());
                    return 2;
                }
            }
        } catch (ConfigException e) {
            e.problems().forEach(err::println);
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("masknode config: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("masknode config: " + e.getMessage());
            return 1;
        }
    }

    static String usage() {
        return """
            Usage: masknode config check FILE     validate a config file (exit 0 if usable)
                   masknode config show [flags]   print the effective configuration (secrets hidden)
                   masknode config defaults       print a documented config file with every default
            """;
    }
}
