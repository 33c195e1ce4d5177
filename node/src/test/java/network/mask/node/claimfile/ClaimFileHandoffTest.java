package network.mask.node.claimfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.mask.node.setuppage.FileCredentialStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SD-card image's half of the headless claim: the root hand-off script the unit runs before
 * the node ({@code image-build/rootfs/usr/lib/masknode/claim-file-handoff}) moves the owner's file
 * off the boot partition into the runtime directory, owner-only, and the node then takes it from there.
 */
class ClaimFileHandoffTest {

    static final Path SCRIPT = Path.of("..", "image-build", "rootfs", "usr", "lib", "masknode", "claim-file-handoff");
    static final Path DROP_IN = Path.of("..", "image-build", "rootfs", "usr", "lib", "systemd", "system", "masknode.service.d",
            "20-claim-file.conf");

    @TempDir Path dir;

    int handOff(Path boot, Path runtime) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", SCRIPT.toString()).redirectErrorStream(true);
        pb.environment().put("MASKNODE_BOOT_DIR", boot.toString());
        pb.environment().put("RUNTIME_DIRECTORY", runtime.toString());
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue();
    }

    @Test
    void theScriptMovesTheFileOffTheCardAndTheNodeTakesItFromTheRuntimeDirectory() throws Exception {
        Path boot = Files.createDirectories(dir.resolve("boot"));
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Files.writeString(boot.resolve(ClaimFile.NAME), "correct horse battery staple\n");
        assertEquals(0, handOff(boot, runtime));
        Path handed = runtime.resolve(ClaimFile.NAME);
        assertFalse(Files.exists(boot.resolve(ClaimFile.NAME)), "the card keeps no copy");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(handed)));
        assertEquals(Files.getOwner(runtime), Files.getOwner(handed), "owned like the runtime directory (the node's user)");

        FileCredentialStore store = new FileCredentialStore(dir.resolve("data").resolve("admin").resolve("password.argon2id"));
        ClaimFileOutcome outcome = new ClaimFile(ClaimFile.candidates(java.util.Map.of("RUNTIME_DIRECTORY", runtime.toString()), true),
                store, ClaimFileTest.HASHER).consume();
        assertTrue(outcome.claimed(), outcome.toString());
        assertFalse(Files.exists(handed));
    }

    @Test
    void withoutAFileTheScriptDoesNothingAndAHugeFileIsCutSoTheNodeRefusesIt() throws Exception {
        Path boot = Files.createDirectories(dir.resolve("boot"));
        Path runtime = Files.createDirectories(dir.resolve("run"));
        assertEquals(0, handOff(boot, runtime));
        try (var files = Files.list(runtime)) {
            assertEquals(List.of(), files.toList());
        }
        Files.write(boot.resolve(ClaimFile.NAME), new byte[1 << 20]);
        assertEquals(0, handOff(boot, runtime));
        assertEquals(ClaimFile.MAX_BYTES + 1, Files.size(runtime.resolve(ClaimFile.NAME)));
    }

    @Test
    void theUnitRunsItAsRootBeforeTheNodeAndStartsEvenWhenItFails() throws Exception {
        String text = Files.readString(DROP_IN);
        assertTrue(text.contains("\nExecStartPre=-+/usr/lib/masknode/claim-file-handoff\n"), text);
        assertTrue(Files.isExecutable(SCRIPT), "installed with the repository's mode");
    }
}
