package network.mask.node.localnet;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import network.mask.node.config.ConfigLoader;
import network.mask.node.config.NodeConfig;
import network.mask.node.daemon.LogFormat;
import network.mask.node.daemon.NodeDaemon;

/**
 * One mix node of the local mixnet, in its own JVM so that its memory can be measured. Talks
 * to the driver over stdio: prints {@code READY <port>}; answers {@code STATS} with a stats
 * line; stops gracefully when stdin closes (also when the driver dies) and prints {@code STOPPED <stats>}.
 */
public final class LocalnetNode {

    private LocalnetNode() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: LocalnetNode CONFIG_FILE");
            System.exit(2);
        }
        LogFormat.install();
        NodeConfig config = ConfigLoader.load(new ConfigLoader.Overrides(Path.of(args[0]), null, null, null, null, null, false));
        NodeDaemon daemon = NodeDaemon.builder(config).build();
        daemon.start();
        System.out.println("READY " + daemon.mixAddress().getPort());
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.strip().equals("STATS")) {
                    System.out.println("STATS " + StatsLine.encode(daemon.metrics().snapshot()));
                    System.out.flush();
                }
            }
        }
        daemon.stop(config.limits().shutdownGrace());
        System.out.println("STOPPED " + StatsLine.encode(daemon.metrics().snapshot()));
        System.out.flush();
        System.exit(0);
    }
}
