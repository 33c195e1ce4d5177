package network.mask.node.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The updater's units (docs/updates.md) and the image's Debian-update units pass
 * {@code systemd-analyze verify}, and they say what the contract says (after the node, the
 * request file's real path, jittered schedules, write access to the install root only).
 */
class UpdateUnitsTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final List<Path> UNITS = List.of(
            REPO.resolve("systemd/masknode-update.service"), REPO.resolve("systemd/masknode-update.timer"),
            REPO.resolve("systemd/masknode-update.path"), REPO.resolve("systemd/masknode.service"),
            REPO.resolve("image-build/rootfs/usr/lib/systemd/system/masknode-os-update.service"),
            REPO.resolve("image-build/rootfs/usr/lib/systemd/system/masknode-os-update.timer"));

    private static String text(String path) throws IOException {
        return Files.readString(REPO.resolve(path), StandardCharsets.UTF_8);
    }

    @Test
    void verifyIsClean(@TempDir Path root) throws Exception {
        Path units = Files.createDirectories(root.resolve("usr/lib/systemd/system"));
        for (Path u : UNITS) Files.copy(u, units.resolve(u.getFileName()));
        for (String target : List.of("sysinit", "basic", "shutdown", "network-online", "multi-user", "timers", "paths",
                "time-sync", "sockets", "network", "local-fs")) {
            Files.writeString(units.resolve(target + ".target"), "[Unit]\nDescription=" + target + "\n");
        }
        // verify checks that each ExecStart binary exists and is executable.
        for (String exe : List.of("usr/bin/java", "usr/lib/masknode/updater", "usr/lib/masknode/os-update")) {
            Path p = Files.createDirectories(root.resolve(exe).getParent()).resolve(root.resolve(exe).getFileName());
            Files.writeString(p, "#!/bin/sh\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Path u : UNITS) {
            if (u.getFileName().toString().equals("masknode.service")) continue;
            Process p = new ProcessBuilder("systemd-analyze", "verify", "--root=" + root, units.resolve(u.getFileName()).toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), u + ": " + out);
            assertEquals("", out.strip(), u + " has warnings");
        }
    }

    @Test
    void theUnitsSayWhatTheContractSays() throws Exception {
        String service = text("systemd/masknode-update.service");
        assertTrue(service.contains("\nExecStart=/usr/lib/masknode/updater run\n"));
        assertTrue(service.contains("After=network-online.target masknode.service"), "judges the node after it started");
        assertTrue(service.contains("\nProtectSystem=strict\n") && service.contains("\nReadWritePaths=/var/lib/masknode-updates\n"),
                "writes the install root and nothing else");
        assertTrue(service.contains("\nWantedBy=multi-user.target\n"), "a trial cut by a power cut resumes at boot");
        assertTrue(text("systemd/masknode-update.timer").contains("\nRandomizedDelaySec=1h\n"), "jitter");
        assertTrue(text("systemd/masknode-update.path").contains("\nPathChanged=/var/lib/private/masknode/update-request.json\n"));
        assertTrue(text("image-build/rootfs/usr/lib/systemd/system/masknode-os-update.timer").contains("\nRandomizedDelaySec=6h\n"));
        String launcher = text("image-build/rootfs/usr/lib/masknode/updater");
        assertTrue(launcher.contains("jar=\"$root/good/masknode.jar\""), "the updater runs the last good version's code");
    }
}
