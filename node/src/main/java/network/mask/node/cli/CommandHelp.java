package network.mask.node.cli;

import java.util.List;
import network.mask.node.config.ConfigFlags;
import network.mask.node.localnet.LocalnetCommand;

/**
 * {@code --help} and {@code -h} for every command and subcommand: the usage of that command
 * only, on stdout, exit 0. {@link Main} asks here before a command parses its own options, so
 * no command can mistake the flag for a file name or an unknown option.
 */
final class CommandHelp {

    /** The flags {@code keys} reads: only those that say where the keys are. */
    static final String KEYS_FLAGS = """
              --data DIR         data directory (default /var/lib/masknode)
              --config FILE      use the data directory named in this config file
              --dev              the developer data directory ./masknode-dev (what `run --dev` uses)
            """;

    private CommandHelp() {}

    static boolean isHelpFlag(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    /** Whether the arguments after the command ask for help. */
    static boolean asked(List<String> rest) {
        return rest.stream().anyMatch(CommandHelp::isHelpFlag);
    }

    /**
     * The usage of {@code command} (narrowed to its subcommand when {@code rest} names one), or
     * null for a command that does not exist.
     */
    static String of(String command, List<String> rest) {
        String sub = rest.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
        return switch (command) {
            case "run" -> """
                    Usage: masknode run [flags]
                    Runs the mixnode until Ctrl-C or SIGTERM. On a PC add --dev (mock board, 127.0.0.1, data in ./masknode-dev).
                    A second run on the same data directory is refused while the first one runs.

                    """ + ConfigFlags.HELP + "  --verbose          print the start-up details as well (they are always in the log)\n";
            case "keys" -> switch (sub) {
                case "show" -> "Usage: masknode keys show [flags]\nPrints the node's public keys (ed25519 identity, x25519 Sphinx) in base58.\n\n"
                        + KEYS_FLAGS;
                case "rotate" -> "Usage: masknode keys rotate [flags]\nMakes a new Sphinx key; the current one stays accepted as the secondary.\n"
                        + "Restart the node afterwards.\n\n" + KEYS_FLAGS;
                default -> """
                        Usage: masknode keys show [flags]     print the public keys (base58)
                               masknode keys rotate [flags]   new Sphinx key; the current one becomes secondary

                        """ + KEYS_FLAGS;
            };
            case "config" -> switch (sub) {
                case "check" -> """
                        Usage: masknode config check FILE
                        Validates a config file with the rules the setup page uses; exit 0 if the node can run with it.
                        """;
                case "show" -> "Usage: masknode config show [flags]\nPrints the effective configuration (secrets hidden).\n\n"
                        + ConfigFlags.HELP;
                case "defaults" -> """
                        Usage: masknode config defaults
                        Prints a config file with every key, its default and what it means.
                        """;
                default -> """
                        Usage: masknode config check FILE     validate a config file (exit 0 if usable)
                               masknode config show [flags]   print the effective configuration (secrets hidden)
                               masknode config defaults       print a documented config file with every default
                        """;
            };
            case "localnet" -> LocalnetCommand.HELP;
            case "soak" -> """
                    Usage: masknode soak [--jvm "FLAGS"] [--seconds S] [--connections N]
                    Floods one node on loopback (docs/memory-budget.md): --seconds per scenario (35), --connections per port (3000).
                    """;
            case "vectors" -> "Usage: masknode " + VectorsCommand.USAGE + "\n";
            case "bench" -> "Usage: masknode " + BenchCommand.USAGE + "\n";
            case "version", "--version" -> "Usage: masknode --version\nPrints the version.\n";
            default -> null;
        };
    }
}
