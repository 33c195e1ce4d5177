package network.mask.node.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.mask.webui.FakeNode;
import network.mask.webui.spi.AdminCredentialStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimNoticeTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final PrintStream console = new PrintStream(output, true);

    /** Announces, and returns the code the console shows. */
    String announce(ConsoleClaim claim) {
        claim.announce();
        Matcher printed = Pattern.compile("One-time claim code: (\\S+)").matcher(output.toString());
        assertTrue(printed.find(), output.toString());
        return printed.group(1);
    }

    @Test
    void theAnnouncedCodeIsOnScreenWithTheBoxsAddressUntilThePasswordIsStored() throws Exception {
        ClaimNotice notice = ClaimNotice.fromEnvironment(Map.of("RUNTIME_DIRECTORY", dir + ":" + dir.resolve("other")));
        String code = announce(new ConsoleClaim(() -> false, console, notice));

        Path file = dir.resolve(ClaimNotice.FILE);
        String screen = Files.readString(file);
        assertTrue(screen.contains("one-time claim code: " + code + "\n"), screen);
        assertTrue(screen.contains("http://\\4/"), "agetty's escape for the box's IPv4 address: " + screen);

        FakeNode store = new FakeNode();
        AdminCredentialStore credentials = new ClaimNoticeWithdrawal(store, notice);
        credentials.store("$argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA");
        assertEquals(Optional.of("$argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA"), credentials.load());
        assertTrue(Files.notExists(file), "claimed, yet the code is still on screen");
    }

    @Test
    void aSpentCodeLeavesTheScreenAndAWrongOneDoesNot() throws Exception {
        ClaimNotice notice = ClaimNotice.fromEnvironment(Map.of("RUNTIME_DIRECTORY", dir.toString()));
        ConsoleClaim claim = new ConsoleClaim(() -> false, console, notice);
        String code = announce(claim);
        Path file = dir.resolve(ClaimNotice.FILE);
        assertTrue(!claim.acceptCode("11111-11111") && Files.exists(file), "a wrong code (1 is not in the alphabet) must not clear the screen");
        assertTrue(claim.acceptCode(code));
        assertTrue(Files.notExists(file), "the spent code is still on screen");
    }

    @Test
    void aFailedStoreLeavesTheCodeOnScreen() throws Exception {
        ClaimNotice notice = ClaimNotice.fromEnvironment(Map.of("RUNTIME_DIRECTORY", dir.toString()));
        notice.show("ABCDE-FGHJK");
        FakeNode store = new FakeNode();
        store.failWrites = true;
        AdminCredentialStore failing = new ClaimNoticeWithdrawal(store, notice);
        assertThrows(IOException.class, () -> failing.store("$argon2id$x"), "the setup page must hear of the failure");
        assertTrue(Files.exists(dir.resolve(ClaimNotice.FILE)), "the box is not claimed: the code must stay");
    }

    @Test
    void withoutARuntimeDirectoryNothingIsWritten() throws Exception {
        ClaimNotice off = ClaimNotice.fromEnvironment(Map.of());
        off.show("ABCDE-FGHJK");
        off.withdraw();
        ClaimNotice.fromEnvironment(Map.of("RUNTIME_DIRECTORY", " ")).show("ABCDE-FGHJK");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
        assertTrue(Files.notExists(Path.of(ClaimNotice.FILE)), "written to the working directory");
    }
}
