package network.mask.node.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import network.mask.node.claim.ClaimNotice;
import network.mask.node.claimfile.ClaimFile;
import network.mask.webui.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A headless box's first start, as the SD-card image runs it: the owner's masknode-claim.txt,
 * handed into the service's runtime directory, claims the box with that password; the file is
 * gone, no claim code is shown on the screen, and the owner logs in with the password.
 */
class ClaimFileAcceptanceTest {

    static final String PASSWORD = "a long password from the SD card";

    @TempDir Path dir;

    @Test
    void thePasswordFileClaimsTheBoxOnceAndTheOwnerLogsIn() throws Exception {
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Path file = Files.writeString(runtime.resolve(ClaimFile.NAME), PASSWORD + "\r\n");
        try (DevNodeProcess node = DevNodeProcess.start("claim-file", dir.resolve("data"), Map.of("RUNTIME_DIRECTORY", runtime.toString()))) {
            node.awaitListening();
            node.awaitOutput(Pattern.compile("^masknode: This box was claimed with the password from masknode-claim.txt"),
                    DevNodeProcess.START_TIMEOUT);
            assertFalse(Files.exists(file), "the file is removed");
            assertFalse(node.output().contains(PASSWORD), "the password is never printed");
            assertFalse(node.output().contains("One-time claim code"), "a claimed box makes no claim code");
            assertFalse(Files.exists(runtime.resolve(ClaimNotice.FILE)), "nothing to show on the screen");

            TestClient owner = new TestClient(node.adminBase(), Optional.empty());
            assertEquals("/login", owner.get("/").location(), "claimed: visitors are asked to log in");
            TestClient.Response login = owner.get("/login");
            assertTrue(login.body().contains("claimed with the password from masknode-claim.txt"), login.body());
            assertEquals(303, owner.post("/login", Map.of("password", PASSWORD)).status());
            assertEquals(200, owner.get("/dashboard").status());
        }
    }
}
