package network.mask.node.cli;

import network.mask.node.net.NettyDefaults;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Properties;

/** The {@code masknode} command line: dispatches to one subcommand per verb. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        NettyDefaults.apply();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command and returns its exit code; separated from {@link #main} for tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || CommandHelp.isHelpFlag(args[0]) || args[0].equals("help")) {
            String one = args.length > 1 ? CommandHelp.of(args[1], Arrays.asList(args).subList(2, args.length)) : null;
            out.print(one != null ? one : usage());   // `masknode help keys` as well as `masknode keys --help`
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (CommandHelp.asked(Arrays.asList(rest))) {
            String help = CommandHelp.of(args[0], Arrays.asList(rest));
            if (help != null) {
                out.print(help);
                return 0;
            }
        }
        network.mask.node.daemon.LogFormat.install();   // one line per log record, in every command
        return switch (args[0]) {
            case "--version", "version" -> {
                out.println("masknode " + version());
                yield 0;
            }
            case "run" -> network.mask.node.daemon.RunCommand.run(rest, out, err);
            case "keys" -> network.mask.node.keys.KeysCommand.run(rest, out, err);
            case "config" -> network.mask.node.config.ConfigCommand.run(rest, out, err);
            case "localnet" -> network.mask.node.localnet.LocalnetCommand.run(rest, out, err);
            case "soak" -> network.mask.node.localnet.SoakCommand.run(rest, out, err);
            case "vectors" -> VectorsCommand.run(rest, out, err);
            case "bench" -> BenchCommand.run(rest, out, err);
            case "update" -> network.mask.node.update.UpdateCommand.run(rest, out, err);
            case "release" -> network.mask.node.update.release.ReleaseCommand.run(rest, out, err);
            default -> {
                err.println("masknode: unknown command '" + args[0] + "'");
                err.print(usage());
                yield 2;
            }
        };
    }

    static String usage() {
        return """
            Usage: masknode <command> [options]

            Commands:
              run [flags]               run the mixnode (--dev on a PC); stop with SIGTERM / Ctrl-C
              keys show|rotate [flags]  print the public keys (base58) / rotate the Sphinx key
              config check FILE         validate a config file
              config show [flags]       print the effective configuration
              config defaults           print a documented config file with all defaults
              localnet --layers L --rate R --seconds S
                                        run a local mixnet of separate node processes and measure it
              soak [--jvm FLAGS] [--seconds S] [--connections N]
                                        flood one node on loopback (docs/memory-budget.md); scripts/soak.sh
              --version                 print the version
              help COMMAND              usage of one command (or: masknode COMMAND --help, -h)
            """ + "  " + VectorsCommand.USAGE + "\n" + "  " + BenchCommand.USAGE + "\n"
            + "  " + network.mask.node.update.UpdateCommand.USAGE + "\n"
            + "  " + network.mask.node.update.release.ReleaseCommand.USAGE + "\n"
            + "\nFlags of run, keys and config show:\n" + network.mask.node.config.ConfigFlags.HELP;
    }

    /** The project version, stamped into the jar at build time. */
    public static String version() {
        try (InputStream in = Main.class.getResourceAsStream("/network/mask/node/build.properties")) {
            if (in == null) return "unknown";
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
