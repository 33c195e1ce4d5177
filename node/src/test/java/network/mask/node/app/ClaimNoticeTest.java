package network.mask.node.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import network.mask.webui.spi.AdminCredentialStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimNoticeTest {

    @TempDir
    Path dir;

    @Test
    void theAnnouncedCodeIsOnScreenWithTheBoxsAddressUntilThePasswordIsStored() throws Exception {
        ClaimNotice notice = ClaimNotice.fromEnvironment(Map.of("RUNTIME_DIRECTORY", dir + ":" + dir.resolve("other")));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        new ConsoleClaim(() -> false, new PrintStream(console, true), notice).announce();
        Matcher printed = Pattern.compile("One-time claim code: (\\S+)").matcher(console.toString());
        assertTrue(printed.find(), console.toString());

        Path file = dir.resolve(ClaimNotice.FILE);
        String screen = Files.readString(file);
        assertTrue(screen.contains("one-time claim code: " + printed.group(1) + "\n"), screen);
        assertTrue(screen.contains("http://\\4/"), "agetty's escape for the box's IPv4 address: " + screen);

        String[] stored = new String[1];
        AdminCredentialStore credentials = new ClaimNoticeWithdrawal(new AdminCredentialStore() {
            @Override
            public Optional<String> load() {
                return Optional.ofNullable(stored[0]);
            }

            @Override
            public void store(String hash) {
                stored[0] = hash;
            }
        }, notice);
        credentials.store("$argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA");
        assertEquals(Optional.of("$argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA"), credentials.load());
        assertTrue(Files.notExists(file), "claimed, yet the code is still on screen");
    }

    @Test
    void aSpentCodeLeavesTheScreenAndAWrongOneDoesNot() throws Exception {
        ClaimNotice notice = ClaimNotice.fromEnvironment(Map.of("RUNTIME_DIRECTORY", dir.toString()));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConsoleClaim claim = new ConsoleClaim(() -> false, new PrintStream(console, true), notice);
        claim.announce();
        Matcher printed = Pattern.compile("One-time claim code: (\\S+)").matcher(console.toString());
        assertTrue(printed.find(), console.toString());
        Path file = dir.resolve(ClaimNotice.FILE);
        assertTrue(!claim.acceptCode("11111-11111") && Files.exists(file), "a wrong code (1 is not in the alphabet) must not clear the screen");
        assertTrue(claim.acceptCode(printed.group(1)));
        assertTrue(Files.notExists(file), "the spent code is still on screen");
    }

    @Test
    void aFailedStoreLeavesTheCodeOnScreen() throws Exception {
        ClaimNotice notice = ClaimNotice.fromEnvironment(Map.of("RUNTIME_DIRECTORY", dir.toString()));
        notice.show("ABCDE-FGHJK");
        AdminCredentialStore failing = new ClaimNoticeWithdrawal(new AdminCredentialStore() {
            @Override
            public Optional<String> load() {
                return Optional.empty();
            }

            @Override
            public void store(String hash) throws IOException {
                throw new IOException("disk full");
            }
        }, notice);
        try {
            failing.store("$argon2id$x");
        } catch (IOException expected) {
            // the setup page reports it
        }
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
