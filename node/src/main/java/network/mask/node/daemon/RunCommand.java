package network.mask.node.daemon;

import java.io.PrintStream;
import java.util.List;
import network.mask.node.app.Appliance;
import network.mask.node.cli.ConsoleDetail;
import network.mask.node.config.ConfigException;
import network.mask.node.config.ConfigFlags;
import network.mask.node.config.ConfigLoader;
import network.mask.node.config.NodeConfig;
import network.mask.node.keys.KeyFileException;
import network.mask.node.runguard.DataDirLock;
import network.mask.node.runguard.PortInUse;

/**
 * {@code masknode run [flags]}: runs the node until SIGTERM/SIGINT, then stops gracefully. A
 * restart asked for by the owner (setup page, MQTT, factory reset) stops the node and starts it
 * again in the same process, with the configuration read afresh from the same flags and file.
 */
public final class RunCommand {

    private RunCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        ConfigLoader.Overrides overrides;
        NodeConfig config;
        List<String> flags = new java.util.ArrayList<>(List.of(args));
        boolean verbose = flags.removeAll(ConsoleDetail.VERBOSE_FLAGS);
        try {
            ConfigFlags.Parsed p = ConfigFlags.parse(flags);
            if (!p.rest().isEmpty()) {
                err.println("masknode run: unknown option " + p.rest().getFirst());
                err.print("Usage: masknode run [flags]\n" + ConfigFlags.HELP);
                return 2;
            }
            overrides = p.overrides();
            config = load(overrides, err);
        } catch (IllegalArgumentException e) {
            err.println("masknode run: " + e.getMessage());
            return 2;
        }
        if (config == null) return 1;
        LogFormat.install();
        if (ConsoleDetail.brief(verbose, ConsoleDetail.onTerminal(), System.getenv())) ConsoleDetail.applyBrief();
        network.mask.node.net.ClientDisconnectLogFilter.install();   // clients dropping mid-request are not log lines
        DataDirLock dataLock;
        try {
            dataLock = DataDirLock.acquire(config.node().dataDir(), "pid " + ProcessHandle.current().pid()
                    + ", mix port " + config.mixnet().port() + ", setup page port " + config.admin().port());
        } catch (DataDirLock.HeldElsewhere e) {
            err.println("masknode run: " + e.getMessage() + ". Already running? Stop that one first (Ctrl-C, or "
                    + "`systemctl stop masknode`), or give this one its own --data DIR.");
            return 1;
        } catch (java.io.IOException e) {
            err.println("masknode run: cannot use the data directory " + config.node().dataDir() + ": " + e.getMessage());
            return 1;
        }
        try {
            return runLocked(config, overrides, out, err);
        } finally {
            dataLock.close();
        }
    }

    private static int runLocked(NodeConfig config, ConfigLoader.Overrides overrides, PrintStream out, PrintStream err) {
        Appliance appliance = Composition.open(config, out);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(appliance::shutdown));
        try {
            while (true) {
                NodeDaemon daemon;
                try {
                    daemon = NodeDaemon.builder(config).build();
                    Composition.compose(daemon, appliance);
                    daemon.start();
                } catch (KeyFileException e) {
                    err.println("masknode run: key file unusable: " + e.getMessage());
                    return 1;
                } catch (Exception e) {
                    String plain = PortInUse.isBindFailure(e) ? PortInUse.explain(listeningPorts(config)).orElse(null) : null;
                    err.println("masknode run: could not start: " + (plain != null ? plain : e));
                    return 1;
                }
                appliance.running(daemon);
                if (appliance.shuttingDown()) daemon.stop(config.limits().shutdownGrace());
                try {
                    daemon.awaitStopped();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
                if (!appliance.takeRestart()) {
                    printStopped(out, daemon);
                    return 0;
                }
                config = load(overrides, err);
                if (config == null) return 1;   // systemd (Restart=on-failure) tries again; --dev ends here
            }
        } finally {
            appliance.close();
        }
    }

    private static List<PortInUse.Port> listeningPorts(NodeConfig c) {
        return List.of(new PortInUse.Port("mix port", "--mix-port", c.mixnet().bindHost(), c.mixnet().port()),
                new PortInUse.Port("public API", "--api-port", c.api().bindHost(), c.api().port()),
                new PortInUse.Port("setup page", "--admin-port", c.admin().bindHost(), c.admin().port()));
    }

    /** The last word on stdout: java.util.logging may already be shut down by the JVM's own hook. */
    private static void printStopped(PrintStream out, NodeDaemon daemon) {
        var m = daemon.metrics().snapshot();
        out.println("masknode: stopped; received " + m.packetsReceived() + ", forwarded " + m.packetsForwarded()
                + ", dropped " + m.packetsDropped() + " (" + m.dropped("shutdown") + " at shutdown); "
                + (daemon.replayStateSavedAtStop() ? "replay state saved"
                        : "replay state NOT saved (see the log; the previous save and its journal are kept)"));
        out.flush();
    }

    /** The configuration, or null after printing why it is unusable. */
    private static NodeConfig load(ConfigLoader.Overrides overrides, PrintStream err) {
        try {
            return ConfigLoader.load(overrides);
        } catch (ConfigException e) {
            err.println("masknode run: the configuration is not usable:");
            e.problems().forEach(pr -> err.println("  " + pr));
            return null;
        } catch (java.io.IOException e) {
            err.println("masknode run: " + e.getMessage());
            return null;
        }
    }
}
