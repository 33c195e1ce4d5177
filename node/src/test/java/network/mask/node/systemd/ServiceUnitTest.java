package network.mask.node.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped unit, checked by systemd's own tools: {@code systemd-analyze verify} is clean and
 * {@code systemd-analyze security --offline} scores an exposure of at most 1.5.
 */
class ServiceUnitTest {

    private static final Path UNIT = Path.of("..", "systemd", "masknode.service").toAbsolutePath().normalize();
    private static final Path DROP_INS = UNIT.resolveSibling("masknode.service.d");
    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d+)");

    private static String analyze;
    private static String unitText;

    @BeforeAll
    static void findTools() throws IOException {
        assertTrue(Files.isRegularFile(UNIT), "unit file missing: " + UNIT);
        unitText = Files.readString(UNIT);
        analyze = List.of("/usr/bin/systemd-analyze", "/bin/systemd-analyze").stream()
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst()
                .orElseGet(() -> fail("systemd-analyze not found; install Debian's systemd package"
                        + " (apt-get install systemd) to check masknode.service"));
    }

    /** The unit as the SD-card image installs it: with the board drop-in (GPIO, LEDs). */
    @Test
    void exposureWithTheBoardDropInIsAtMostOnePointFive(@TempDir Path root) throws Exception {
        Path installed = installInto(root, true);
        assertExposureAtMost15(run(analyze, "security", "--offline=true", "--threshold=15", "--root=" + root,
                installed.toString()));
    }

    /** The unit alone, as a plain install on any Debian system would use it. */
    @Test
    void exposureOfTheUnitAloneIsAtMostOnePointFive(@TempDir Path root) throws Exception {
        Path installed = installInto(root, false);
        assertExposureAtMost15(run(analyze, "security", "--offline=true", "--threshold=15", "--root=" + root,
                installed.toString()));
    }

    /**
     * verify checks that ExecStart's binary exists, so it runs against a small root holding a
     * stand-in /usr/bin/java and the targets the unit names (stubs, so a misspelt target fails).
     */
    @Test
    void verifyIsClean(@TempDir Path root) throws Exception {
        Path installed = installInto(root, true);
        Result r = run(analyze, "verify", "--root=" + root, installed.toString());
        assertEquals(0, r.exit, "systemd-analyze verify failed:\n" + r.output);
        // Unknown keys and bad values are only warnings (exit 0), so any output is a failure.
        assertEquals("", r.output.strip(), "systemd-analyze verify complained");
    }

    private static void assertExposureAtMost15(Result r) {
        Matcher m = EXPOSURE.matcher(r.output);
        assertTrue(m.find(), "no exposure score in:\n" + r.output);
        double exposure = Double.parseDouble(m.group(1));
        assertTrue(exposure <= 1.5, "exposure " + exposure + " > 1.5:\n" + r.output);
        assertEquals(0, r.exit, "systemd-analyze security --threshold=15 failed:\n" + r.output);
    }

    /** Lays out a root with the unit (and optionally its drop-ins) where the image puts them. */
    private static Path installInto(Path root, boolean withDropIns) throws IOException {
        Path java = root.resolve("usr/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path units = Files.createDirectories(root.resolve("usr/lib/systemd/system"));
        for (String target : List.of("sysinit.target", "basic.target", "shutdown.target",
                "network-online.target", "multi-user.target")) {
            Files.writeString(units.resolve(target), "[Unit]\nDescription=stub " + target + "\n");
        }
        Path installed = units.resolve("masknode.service");
        Files.copy(UNIT, installed);
        if (withDropIns) {
            Path dropIns = Files.createDirectories(units.resolve("masknode.service.d"));
            try (var files = Files.list(DROP_INS)) {
                for (Path f : files.toList()) Files.copy(f, dropIns.resolve(f.getFileName()));
            }
            assertTrue(Files.exists(dropIns.resolve("10-board.conf")), "board drop-in missing in " + DROP_INS);
        }
        return installed;
    }

    @Test
    void honoursTheDaemonContract() {
        assertTrue(unitText.contains("\nType=notify\n"), "Type=notify");
        assertTrue(unitText.contains("\nNotifyAccess=main\n"), "NotifyAccess=main");
        assertTrue(unitText.contains("\nWatchdogSec=30s\n"), "WatchdogSec");
        assertTrue(unitText.contains("\nRestart=on-failure\n"), "Restart=on-failure");
        assertTrue(unitText.contains("\nStateDirectory=masknode\n"), "StateDirectory");
        assertTrue(unitText.contains("\nRuntimeDirectory=masknode\n"), "RuntimeDirectory: ClaimNotice's $RUNTIME_DIRECTORY");
        assertTrue(unitText.contains("-jar /var/lib/masknode-updates/current/masknode.jar run --data /var/lib/masknode"), "ExecStart: the installed version (docs/updates.md)");
        // The JVM fails at start-up under it (W+X pages for the JIT and interpreter).
        assertFalse(Pattern.compile("(?m)^MemoryDenyWriteExecute=").matcher(unitText).find(),
                "MemoryDenyWriteExecute must stay off");
        // Hides /proc/net: the JDK then finds no IPv6 and cannot bind "::" (seen in the booted image).
        assertFalse(Pattern.compile("(?m)^ProcSubset=pid").matcher(unitText).find(), "ProcSubset=pid must stay off");
    }

    /** The unit's JVM flags are accepted by a JDK 25 even without the AOT cache file. */
    @Test
    void jvmAcceptsTheFlagsWithoutAnAotCache() throws Exception {
        List<String> flags = jvmFlags();
        assertTrue(flags.contains("-XX:AOTMode=auto"), flags.toString());
        assertTrue(flags.contains("-XX:+UseSerialGC"), flags.toString());
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.add("-version");
        Result r = run(cmd.toArray(String[]::new));
        assertEquals(0, r.exit, "JVM rejected the unit's flags " + flags + ":\n" + r.output);
        assertTrue(r.output.contains("version \"25"), r.output);
    }

    /** The words of ExecStart between the java binary and -jar, without the owner's variable. */
    private static List<String> jvmFlags() {
        String joined = unitText.replace("\\\n", " ");
        String execStart = joined.lines().filter(l -> l.startsWith("ExecStart=")).findFirst()
                .orElseGet(() -> fail("no ExecStart"));
        List<String> words = Arrays.asList(execStart.substring("ExecStart=".length()).trim().split("\\s+"));
        assertEquals("/usr/bin/java", words.getFirst());
        return words.subList(1, words.indexOf("-jar")).stream()
                .filter(w -> !w.startsWith("$"))
                .toList();
    }

    private record Result(int exit, String output) {}

    private static Result run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
