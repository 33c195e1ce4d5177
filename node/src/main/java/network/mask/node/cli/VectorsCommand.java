package network.mask.node.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import network.mask.node.sphinx.crypto.CpuFeatures;
import network.mask.node.sphinx.crypto.CryptoProvider;
import network.mask.node.sphinx.crypto.CryptoProviders;
import network.mask.node.sphinx.crypto.KnownAnswers;
import network.mask.node.sphinx.crypto.Primitive;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import network.mask.node.sphinx.crypto.Suites;
import network.mask.node.vectors.CaseOutcome;
import network.mask.node.vectors.VectorFileChecker;
import network.mask.node.vectors.VectorFormatException;

/**
 * {@code masknode vectors [--backend NAME|all] [--require NAME,...] FILE...}: checks Sphinx vector
 * files. One line per case, then {@code N passed, M failed}; exit 0 only when nothing failed. An
 * unreadable or malformed file counts as one failure with a one-line reason, and so does a
 * {@code --require}d backend that did not load, and each of its primitives that fails its self-test
 * ({@link KnownAnswers}). With {@code all} or {@code --require}, lines starting with {@code #} first
 * name the CPU features, which backends loaded, and the self-tests a required backend passed.
 */
final class VectorsCommand {

    static final String USAGE = "vectors [--backend NAME|all] [--require NAME,...] FILE...  check Sphinx test-vector"
            + " files (NAME: preferred, bc, jca, sodium, openssl; --require fails unless those backends load and pass every self-test)";

    private VectorsCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        String backend = "preferred";
        List<String> required = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--backend") && i + 1 < args.length) {
                backend = args[++i];
            } else if (args[i].equals("--require") && i + 1 < args.length) {
                required.addAll(List.of(args[++i].split(",")));
            } else if (args[i].startsWith("--")) {
                err.println("masknode vectors: unknown option " + args[i]);
                err.println("usage: masknode " + USAGE);
                return 2;
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            err.println("usage: masknode " + USAGE);
            return 2;
        }
        Map<String, SphinxCrypto> suites = new LinkedHashMap<>();
        Optional<String> problem = suites(backend, suites);
        if (problem.isPresent()) {
            err.println("masknode vectors: " + problem.get());
            return 2;
        }
        int passed = 0;
        int failed = 0;
        // What the node found on this machine: an arm64 board and a PC differ here, and a
        // backend that did not load would otherwise just be absent from the results.
        if (backend.equals("all") || !required.isEmpty()) {
            out.println("# " + CpuFeatures.detect().describe());
            CryptoProviders.availability().forEach(line -> out.println("# " + line));
        }
        for (String name : required) {
            CryptoProvider provider = CryptoProviders.byName(name);
            if (provider == null) {
                err.println("masknode vectors: unknown backend '" + name + "' in --require; known: " + CryptoProviders.names());
                return 2;
            }
            Optional<String> reason = provider.unavailableReason();
            if (reason.isPresent()) {
                out.println("FAIL required backend " + provider.name() + " did not load: " + reason.get());
                failed++;
                continue;
            }
            // Loaded is not enough: every primitive it offers must pass its self-test here, including
            // those no vector file covers (the Noise links' AES-GCM); a failing one would silently be
            // replaced by BouncyCastle in the suites below.
            List<String> passedSelfTests = new ArrayList<>();
            for (Primitive primitive : provider.primitives()) {
                Optional<String> failure = KnownAnswers.check(provider, primitive);
                if (failure.isPresent()) {
                    out.println("FAIL required backend " + provider.name() + " " + primitive.key() + ": " + failure.get());
                    failed++;
                } else {
                    passedSelfTests.add(primitive.key());
                }
            }
            out.println("# known answers " + provider.name() + ": " + String.join(", ", passedSelfTests) + " pass");
        }
        for (Map.Entry<String, SphinxCrypto> suite : suites.entrySet()) {
            String tag = suites.size() > 1 ? "[" + suite.getKey() + "] " : "";
            VectorFileChecker checker = new VectorFileChecker(suite.getValue());
            for (Path file : files) {
                try {
                    for (CaseOutcome outcome : checker.check(file)) {
                        out.println((outcome.passed() ? "PASS " : "FAIL ") + tag + outcome.name() + ": " + outcome.detail());
                        if (outcome.passed()) passed++;
                        else failed++;
                    }
                } catch (VectorFormatException e) {
                    out.println("FAIL " + tag + file + ": " + e.getMessage());
                    err.println("masknode vectors: " + e.getMessage());
                    failed++;
                }
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    private static Optional<String> suites(String backend, Map<String, SphinxCrypto> into) {
        switch (backend) {
            case "all" -> into.putAll(Suites.perProvider());
            case "preferred" -> into.put("preferred", SphinxCrypto.preferred());
            default -> {
                CryptoProvider provider = CryptoProviders.byName(backend);
                if (provider == null) return Optional.of("unknown backend '" + backend + "'; known: preferred, all, " + CryptoProviders.names());
                Optional<String> reason = provider.unavailableReason();
                if (reason.isPresent()) return reason;
                into.put(provider.name(), Suites.single(provider));
            }
        }
        return Optional.empty();
    }
}
