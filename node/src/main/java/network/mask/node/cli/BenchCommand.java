package network.mask.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import network.mask.node.sphinx.crypto.CpuFeatures;
import network.mask.node.sphinx.crypto.CryptoProviders;
import network.mask.node.sphinx.crypto.CryptoSelector;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import network.mask.node.sphinx.crypto.Suites;
import network.mask.node.sphinx.crypto.Throughput;

/**
 * {@code masknode bench sphinx [--seconds N] [--openssl-seconds N]}: single-thread hop and
 * creation rates (each the best of three slices of N seconds / 3, after a warm-up) for the
 * start-up selection and for the other backend mixes worth comparing, next to the native limit
 * from {@code openssl speed}. The last line is machine-readable:
 * {@code hop_per_s=<n> create_per_s=<n> backend=<names>} for the selected backends.
 */
final class BenchCommand {

    static final String USAGE = "bench sphinx [--seconds N] [--openssl-seconds N]  single-thread Sphinx hop and"
            + " creation rates per crypto backend";

    private static final int SLICES = 3;

    private BenchCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        double seconds = 3;
        int opensslSeconds = 3;
        if (args.length == 0 || !args[0].equals("sphinx")) return usage(err);
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                    case "--openssl-seconds" -> opensslSeconds = Integer.parseInt(args[++i]);
                    default -> {
                        return usage(err);
                    }
                }
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return usage(err);
        }
        if (!(seconds > 0) || opensslSeconds < 0) return usage(err);

        out.println("java " + System.getProperty("java.vm.version") + ", " + System.getProperty("os.arch")
                + ", load " + loadAverage());
        out.println(CpuFeatures.detect().describe());
        CryptoProviders.availability().forEach(out::println);
        OptionalDouble openssl = opensslSeconds == 0 ? OptionalDouble.empty() : OpensslSpeed.x25519OpsPerSecond(opensslSeconds);
        if (openssl.isPresent()) {
            out.printf(Locale.ROOT, "openssl speed ecdhx25519: %.0f op/s -> native limit %.0f hops/s (2 X25519 per hop)%n",
                    openssl.getAsDouble(), openssl.getAsDouble() / 2);
        } else {
            out.println("openssl speed ecdhx25519: not available (openssl missing or skipped)");
        }

        CryptoSelector.Selection selection = CryptoSelector.select(null, Map.of());
        selection.opsPerSecond().forEach((primitive, rates) -> out.println("  selection " + primitive.key() + ": " + rates
                .entrySet().stream().map(e -> e.getKey() + " " + Math.round(e.getValue()) + "/s").toList()));
        SphinxCrypto selected = selection.crypto();
        out.println("chosen backends: " + selected.describe());

        // The selection first: a daemon only ever runs one suite, so it should not pay for the
        // call-site profiles the other suites leave behind.
        Map<String, SphinxCrypto> suites = new LinkedHashMap<>();
        suites.put("selected", selected);
        suites.put("all-bc", SphinxCrypto.portable());
        suites.put("pure-java", Suites.pureJava());
        suites.put("native", SphinxCrypto.preferred());
        long nanos = (long) (seconds * 1e9);
        long warmup = Math.max(nanos / 3, 300_000_000L);
        double[] headline = null;
        for (Map.Entry<String, SphinxCrypto> suite : suites.entrySet()) {
            if (!suite.getKey().equals("selected") && suite.getValue().equals(selected)) {
                out.printf(Locale.ROOT, "%-10s same backends as selected%n", suite.getKey());
                continue;
            }
            SphinxThroughput bench = new SphinxThroughput(suite.getValue());
            Throughput.perSecond(bench::hops, warmup);
            double hops = bestSlice(bench::hops, nanos);
            Throughput.perSecond(bench::creations, warmup / 2);
            double creations = bestSlice(bench::creations, nanos);
            out.printf(Locale.ROOT, "%-10s hop %8.0f/s  create %7.0f/s  %s%n", suite.getKey(), hops, creations,
                    suite.getValue().describe());
            if (headline == null) headline = new double[] {hops, creations};
        }
        if (openssl.isPresent()) {
            out.printf(Locale.ROOT, "selected hop rate / native limit = %.2f%n", headline[0] / (openssl.getAsDouble() / 2));
        }
        out.println("load " + loadAverage());
        out.printf(Locale.ROOT, "hop_per_s=%d create_per_s=%d backend=%s%n",
                Math.round(headline[0]), Math.round(headline[1]), selected.describe());
        return 0;
    }

    /**
     * The best of three equal slices of {@code nanos}: on a shared machine another process can
     * only slow a slice down, so the best one is the closest to what the code itself can do.
     */
    private static double bestSlice(java.util.function.LongConsumer work, long nanos) {
        double best = 0;
        for (int slice = 0; slice < SLICES; slice++) best = Math.max(best, Throughput.perSecond(work, nanos / SLICES));
        return best;
    }

    private static int usage(PrintStream err) {
        err.println("usage: masknode " + USAGE);
        return 2;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }
}
