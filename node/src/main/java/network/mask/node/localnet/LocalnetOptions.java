package network.mask.node.localnet;

import java.util.List;

/** Command-line options of {@code masknode localnet}. */
record LocalnetOptions(int layers, int rate, int seconds, int nodesPerLayer, double delayMs, int replays, int workers,
                       int framing, double warmupSeconds, String nodeHeap, boolean keep, long seed, String mqtt,
                       boolean timeline, int epochSeconds, int validityEpochs, boolean noise) {

    static final String HELP = """
            Usage: masknode localnet --layers L --rate R --seconds S [options]
              --layers L           mix layers, 1..4 (the sink is the 5th Sphinx hop at most); default 3
              --rate R             packets per second the sender offers; default 1000
              --seconds S          length of the measured run; default 10
              --nodes-per-layer N  mix nodes per layer (routes pick one at random); default 1
              --delay-ms D         mean per-hop delay, exponentially distributed as Nym clients draw it; default 50
              --replays K          packets re-sent deliberately, to show they are rejected; default 100
              --workers W          crypto worker threads per node; default 1
              --framing 7|8        framing the sender and the nodes write; default 7
              --warmup-seconds W   traffic before the measured run (JIT warm-up), counted for loss only; the
                                   measured run starts once the warm-up packets have arrived; default 4
              --node-heap SIZE     -Xmx of each node JVM; default 64m
              --seed N             random seed for routes and delays; default 1
              --mqtt URL           every node also runs its MQTT telemetry to this broker (tcp://host:port);
                                   to see what a slow or dead broker does to mixing; default off
              --keep               keep the temporary directory (configs, keys, node logs)
              --timeline           also print, per second of sending, what was sent and the latency beyond
                                   the delays (p50/p99/max): shows when a backlog built up
              --epoch-seconds N    run a local nym-api stand-in with epochs of N seconds: the nodes learn the
                                   network from it and are described by it through their own API, and the
                                   sender builds v8 frames with the network's rotation parity and the keys the
                                   stand-in serves, re-reading its topology as epochs pass (implies --framing 8);
                                   the last line adds rotations=<key rotations during sending>; default off
              --validity-epochs V  with --epoch-seconds: epochs one Sphinx key is valid for; default 3
              --noise              Noise-encrypted links (Noise_XKpsk3_25519_AESGCM_SHA256, as nym-node's): every node and
                                   the sink get a Noise key, the local topology announces all of them to every node,
                                   and the sender speaks Noise to the first layer; without it, plain TCP as today.
                                   Not yet with --epoch-seconds
            Each mix node is a separate JVM (-Xmx<node-heap> -XX:+UseSerialGC) on 127.0.0.1 with real TCP;
            the sender and the sink (which plays the gateway) run in this process.
            MASKNODE_NODE_JAVA_OPTS adds JVM options to every node (e.g. -XX:NativeMemoryTracking=summary).
            """;

    static LocalnetOptions parse(List<String> args) {
        int layers = 3, rate = 1000, seconds = 10, perLayer = 1, replays = 100, workers = 1, framing = 7;
        double delay = 50, warmup = 4;
        String heap = "64m";
        boolean keep = false;
        boolean timeline = false;
        boolean noise = false;
        long seed = 1;
        String mqtt = "";
        int epochSeconds = 0, validity = 3;
        boolean framingGiven = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--keep")) {
                keep = true;
                continue;
            }
            if (a.equals("--timeline")) {
                timeline = true;
                continue;
            }
            if (a.equals("--noise")) {
                noise = true;
                continue;
            }
            if (i + 1 >= args.size()) throw new IllegalArgumentException(a + " needs a value (or is unknown)");
            String v = args.get(++i);
            switch (a) {
                case "--layers" -> layers = integer(a, v, 1, 4);
                case "--rate" -> rate = integer(a, v, 1, 1_000_000);
                case "--seconds" -> seconds = integer(a, v, 1, 3600);
                case "--nodes-per-layer" -> perLayer = integer(a, v, 1, 16);
                case "--delay-ms" -> delay = decimal(a, v, 0, 10_000);
                case "--replays" -> replays = integer(a, v, 0, 1_000_000);
                case "--workers" -> workers = integer(a, v, 1, 64);
                case "--framing" -> {
                    framing = integer(a, v, 7, 8);
                    framingGiven = true;
                }
                case "--epoch-seconds" -> epochSeconds = integer(a, v, 1, 3600);
                case "--validity-epochs" -> validity = integer(a, v, 1, 1000);
                case "--warmup-seconds" -> warmup = decimal(a, v, 0, 600);
                case "--node-heap" -> {
                    if (!v.matches("[0-9]+[kmgKMG]?")) throw new IllegalArgumentException(a + " expects a size like 64m");
                    heap = v;
                }
                case "--seed" -> seed = integer(a, v, 0, Integer.MAX_VALUE);
                case "--mqtt" -> {
                    if (!v.matches("(tcp|ssl)://[^/\\s]+:[0-9]{1,5}")) {
                        throw new IllegalArgumentException(a + " expects a broker like tcp://127.0.0.1:1883, got '" + v + "'");
                    }
                    mqtt = v;
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (noise && epochSeconds > 0) {
            throw new IllegalArgumentException("--noise does not run with --epoch-seconds yet: the nodes would learn each other's"
                    + " Noise keys from the stand-in only after its first refresh, while the sender speaks Noise at once");
        }
        if (epochSeconds > 0) {
            if (framingGiven && framing != 8) throw new IllegalArgumentException("--epoch-seconds sends v8 frames; drop --framing 7");
            framing = 8;
        }
        if ((long) rate * seconds > 20_000_000L) throw new IllegalArgumentException("rate x seconds above 20 million packets");
        return new LocalnetOptions(layers, rate, seconds, perLayer, delay, replays, workers, framing, warmup, heap, keep, seed, mqtt, timeline,
                epochSeconds, validity, noise);
    }

    private static int integer(String flag, String v, int min, int max) {
        return (int) number(flag, v, min, max, "an integer", Integer::parseInt);
    }

    private static double decimal(String flag, String v, double min, double max) {
        return number(flag, v, min, max, "a number", Double::parseDouble);
    }

    private static double number(String flag, String v, double min, double max, String kind,
                                 java.util.function.ToDoubleFunction<String> parser) {
        try {
            double d = parser.applyAsDouble(v);
            if (d >= min && d <= max) return d;
        } catch (NumberFormatException ignored) {
            // below
        }
        String range = kind.equals("an integer") ? (long) min + " to " + (long) max : min + " to " + max;
        throw new IllegalArgumentException(flag + " expects " + kind + " from " + range + ", got '" + v + "'");
    }

    int measuredPackets() {
        return rate * seconds;
    }

    int warmupPackets() {
        return (int) Math.round(rate * warmupSeconds);
    }
}
