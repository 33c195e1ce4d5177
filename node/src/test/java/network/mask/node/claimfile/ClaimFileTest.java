package network.mask.node.claimfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import network.mask.node.setuppage.FileCredentialStore;
import network.mask.webui.security.PasswordHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code masknode-claim.txt} on real files: taken once, removed before use, judged by the setup page's rules. */
class ClaimFileTest {

    static final PasswordHasher HASHER = new PasswordHasher(new PasswordHasher.Cost(64, 1, 1));
    static final String PASSWORD = "correct horse battery staple";

    @TempDir Path dir;

    Path boot() throws Exception {
        return Files.createDirectories(dir.resolve("boot"));
    }

    FileCredentialStore store() {
        return new FileCredentialStore(dir.resolve("data").resolve("admin").resolve("password.argon2id"));
    }

    ClaimFileOutcome consume(Path file, FileCredentialStore store) {
        return new ClaimFile(List.of(file), store, HASHER).consume();
    }

    @Test
    void aGoodPasswordClaimsTheBoxAndTheFileIsGone() throws Exception {
        Path file = Files.writeString(boot().resolve(ClaimFile.NAME), PASSWORD + "\n");
        FileCredentialStore store = store();
        ClaimFileOutcome outcome = consume(file, store);
        assertTrue(outcome.claimed(), outcome.toString());
        assertFalse(Files.exists(file), "removed, so it cannot be used twice");
        assertTrue(HASHER.verify(PASSWORD, store.load().orElseThrow()));
        assertFalse(outcome.message().contains(PASSWORD), "the password is never repeated");
        assertEquals(ClaimFileOutcome.Kind.NONE, consume(file, store).kind(), "a second start finds nothing");
    }

    @Test
    void notepadsByteOrderMarkCrLfAndCommentsAreFine() throws Exception {
        byte[] text = ("\uFEFF# my box\r\n\r\n  " + PASSWORD + "  \r\n").getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(boot().resolve(ClaimFile.NAME), text);
        FileCredentialStore store = store();
        assertTrue(consume(file, store).claimed());
        assertTrue(HASHER.verify(PASSWORD, store.load().orElseThrow()), "spaces around it and line ends are not part of it");
    }

    @Test
    void aShortPasswordIsRefusedInThePagesWordsAndStillRemoved() throws Exception {
        Path file = Files.writeString(boot().resolve(ClaimFile.NAME), "hunter2\n");
        FileCredentialStore store = store();
        ClaimFileOutcome outcome = consume(file, store);
        assertEquals(ClaimFileOutcome.Kind.REFUSED, outcome.kind());
        assertTrue(outcome.message().contains("Use at least 10 characters (this one has 7)."), outcome.message());
        assertFalse(Files.exists(file));
        assertFalse(store.claimed(), "the box stays open to the one-time code");
    }

    @Test
    void moreThanOneLineOrNoTextOrNotUtf8IsRefused() throws Exception {
        Path boot = boot();
        assertTrue(consume(Files.writeString(boot.resolve(ClaimFile.NAME), "first password here\nsecond password\n"), store())
                .message().contains("it holds 2 lines; write only the password, on one line."));
        assertTrue(consume(Files.writeString(boot.resolve(ClaimFile.NAME), "# only a comment\n\n"), store())
                .message().contains("it holds no password."));
        assertTrue(consume(Files.write(boot.resolve(ClaimFile.NAME), "K\u00fcche-Passwort 123".getBytes(StandardCharsets.ISO_8859_1)), store())
                .message().contains("it is not UTF-8 text"));
        assertTrue(consume(Files.write(boot.resolve(ClaimFile.NAME), new byte[ClaimFile.MAX_BYTES + 1]), store())
                .message().contains("is larger than 4096 bytes"));
        assertFalse(store().claimed());
        assertFalse(Files.exists(boot.resolve(ClaimFile.NAME)));
    }

    @Test
    void aClaimedBoxKeepsItsPasswordAndTheFileIsRemovedAllTheSame() throws Exception {
        FileCredentialStore store = store();
        String before = HASHER.hash("the owner's own password");
        store.store(before);
        Path file = Files.writeString(boot().resolve(ClaimFile.NAME), PASSWORD);
        ClaimFileOutcome outcome = consume(file, store);
        assertEquals(ClaimFileOutcome.Kind.IGNORED, outcome.kind());
        assertTrue(outcome.message().contains("already has an owner"), outcome.message());
        assertEquals(before, store.load().orElseThrow());
        assertFalse(Files.exists(file));
    }

    @Test
    void theHandedOffCopyIsLookedForFirstAndTheBootPartitionNeverOnADeveloperPc() {
        assertEquals(List.of(Path.of("/run/masknode", ClaimFile.NAME), ClaimFile.BOOT_PARTITION),
                ClaimFile.candidates(Map.of("RUNTIME_DIRECTORY", "/run/masknode"), false));
        assertEquals(List.of(ClaimFile.BOOT_PARTITION), ClaimFile.candidates(Map.of(), false));
        assertEquals(List.of(), ClaimFile.candidates(Map.of(), true));
        assertEquals(List.of(Path.of("/tmp/rt", ClaimFile.NAME)), ClaimFile.candidates(Map.of("RUNTIME_DIRECTORY", "/tmp/rt"), true));
    }

    @Test
    void noFileNoChange() throws Exception {
        FileCredentialStore store = store();
        assertEquals(ClaimFileOutcome.Kind.NONE, consume(boot().resolve(ClaimFile.NAME), store).kind());
        assertFalse(store.claimed());
    }
}
