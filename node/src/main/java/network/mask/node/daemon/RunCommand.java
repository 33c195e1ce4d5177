package network.mask.node.daemon;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import network.mask.node.config.ConfigException;
import network.mask.node.config.ConfigFlags;
import network.mask.node.config.ConfigLoader;
import network.mask.node.config.NodeConfig;
import network.mask.node.keys.KeyFileException;

/** {@code masknode run [flags]}: runs the node until SIGTERM/SIGINT, then stops gracefully. */
public final class RunCommand {

    private RunCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        NodeConfig config;
        try {
            ConfigFlags.Parsed p = ConfigFlags.parse(List.of(args));
            if (!p.rest().isEmpty()) {
                err.println("masknode run: unknown option " + p.rest().getFirst());
                err.print("Usage: masknode run [flags]\n" + ConfigFlags.HELP);
                return 2;
            }
            config = ConfigLoader.load(p.overrides());
        } catch (IllegalArgumentException e) {
            err.println("masknode run: " + e.getMessage());
            return 2;
        } catch (ConfigException e) {
            err.println("masknode run: the configuration is not usable:");
            e.problems().forEach(pr -> err.println("  " + pr));
            return 1;
        } catch (java.io.IOException e) {
            err.println("masknode run: " + e.getMessage());
            return 1;
        }
        LogFormat.install();
        NodeDaemon daemon;
        try {
            daemon = NodeDaemon.builder(config).build();
            Composition.compose(daemon);
            daemon.start();
        } catch (KeyFileException e) {
            err.println("masknode run: key file unusable: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("masknode run: could not start: " + e);
            return 1;
        }
        Duration grace = config.limits().shutdownGrace();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(() -> {
            out.println("masknode: stopping (grace " + grace.toMillis() + " ms)");
            daemon.stop(grace);
            // java.util.logging is already shut down inside a shutdown hook, so this goes to stdout.
            var m = daemon.metrics().snapshot();
            out.println("masknode: stopped; received " + m.packetsReceived() + ", forwarded " + m.packetsForwarded()
                    + ", dropped " + m.packetsDropped() + " (" + m.dropped("shutdown") + " at shutdown); replay state saved");
            out.flush();
        }));
        out.println("masknode: running (" + config + "), mix " + daemon.mixAddress() + "; stop with Ctrl-C or SIGTERM");
        try {
            daemon.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
