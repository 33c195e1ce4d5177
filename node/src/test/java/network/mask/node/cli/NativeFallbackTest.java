package network.mask.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.mask.node.sphinx.SharedVectors;
import org.junit.jupiter.api.Test;

/**
 * Without native libraries (simulated in a separate JVM, since a loaded library cannot be
 * unloaded), the node falls back to the pure-Java backends, says so once, and stays correct.
 */
class NativeFallbackTest {

    private static Result masknode(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmasknode.sphinx.native=off", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {}

    @Test
    void withoutNativeLibrariesEveryVectorStillPasses() throws Exception {
        Result run = masknode("vectors", SharedVectors.file("forward_v259.json").toString(),
                SharedVectors.file("tampered.json").toString());
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("20 passed, 0 failed"), run.output());
        assertEquals(1, count(run.output(), "libsodium unavailable: disabled"), run.output());
        assertEquals(1, count(run.output(), "libcrypto unavailable: disabled"), run.output());
    }

    @Test
    void askingForAMissingBackendIsAClearError() throws Exception {
        Result run = masknode("vectors", "--backend", "sodium", SharedVectors.file("primitives.json").toString());
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("masknode vectors: libsodium unavailable"), run.output());
    }

    /** The arm64 image check relies on this: a native backend that did not load fails the run. */
    @Test
    void aRequiredBackendThatDidNotLoadFailsTheRun() throws Exception {
        Result run = masknode("vectors", "--backend", "all", "--require", "sodium,openssl",
                SharedVectors.file("primitives.json").toString());
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("FAIL required backend sodium did not load: libsodium unavailable: disabled"), run.output());
        assertTrue(run.output().contains("FAIL required backend openssl did not load: libcrypto unavailable: disabled"), run.output());
        assertTrue(run.output().contains("# backend sodium: NOT loaded"), run.output());
        // bc and jca still ran every case.
        assertTrue(run.output().contains("24 passed, 2 failed"), run.output());
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) count++;
        return count;
    }
}
