package network.mask.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import network.mask.node.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code masknode config check}: the setup page's rules, and plain words for a file it cannot read. */
class ConfigCheckPlainWordsTest {

    @TempDir Path dir;

    record Result(int code, String out, String err) {}

    Result check(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"config", "check", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLatin1FileIsNamedAsNotUtf8WithItsLine() throws Exception {
        Path file = dir.resolve("latin1.toml");
        Files.write(file, "[node]\nname = \"K\u00fcche\"\n".getBytes(StandardCharsets.ISO_8859_1));
        Result r = check(file);
        assertEquals(1, r.code());
        assertTrue(r.err().contains(file + ": is not UTF-8 text (line 2, byte 16); save it as UTF-8"), r.err());
        assertFalse(r.err().contains("Input length"), r.err());
    }

    @Test
    void aUtf8FileWithAByteOrderMarkIsRead() throws Exception {
        Path file = dir.resolve("bom.toml");
        Files.write(file, ("\uFEFF[node]\nname = \"K\u00fcche\"\n").getBytes(StandardCharsets.UTF_8));
        Result r = check(file);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("OK (K\u00fcche,"), r.out());
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws Exception {
        Path file = dir.resolve("secret.toml");
        Files.writeString(file, "[node]\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file), "root reads every file");
        Result r = check(file);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("cannot be read by this user (permission denied)"), r.err());
    }

    @Test
    void theSetupPagesRulesApply() throws Exception {
        Path file = dir.resolve("home.toml");
        Files.writeString(file, "[mixnet]\nannounce_host = \"192.168.1.5\"\n[node]\nwallet = \"n1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq\"\n");
        Result r = check(file);
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains(file + ": mixnet.announce_host: 192.168.1.5 is an address inside your home network"), r.err());
        assertTrue(r.err().contains(file + ": node.wallet: "), r.err());

        Path fine = dir.resolve("fine.toml");
        Files.writeString(fine, "[mixnet]\nannounce_host = \"mynode.example.net\"\n");
        assertEquals(0, check(fine).code(), check(fine).err());
    }

    @Test
    void aCountryIsAskedForAsATwoLetterCode() throws Exception {
        Path file = dir.resolve("loc.toml");
        Files.writeString(file, "[node]\nlocation = \"Germany\"\n");
        Result r = check(file);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("two-letter country code"), r.err());
    }
}
