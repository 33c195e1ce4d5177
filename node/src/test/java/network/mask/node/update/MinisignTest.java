package network.mask.node.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import network.mask.node.update.release.MinisignSecretKey;
import network.mask.node.update.release.MinisignSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Minisign signatures against files made by Debian's minisign 0.11 (resources .../update/minisign/README.md). */
class MinisignTest {

    @TempDir
    Path tmp;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = MinisignTest.class.getResourceAsStream("/network/mask/node/update/minisign/" + name)) {
            return in.readAllBytes();
        }
    }

    private static String text(String name) throws IOException {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    @Test
    void acceptsMinisignsPrehashedAndLegacySignatures() throws Exception {
        MinisignPublicKey key = MinisignPublicKey.parse(text("test.pub"));
        assertEquals("846DD0879BAC40D6", key.keyIdHex());
        assertEquals("timestamp:1 file:feed.json", MinisignVerifier.verify(key, resource("feed.json"), text("feed.json.minisig")));
        assertEquals("legacy", MinisignVerifier.verify(key, resource("legacy.json"), text("legacy.json.minisig")));
    }

    @Test
    void refusesAChangedMessage() throws Exception {
        MinisignPublicKey key = MinisignPublicKey.parse(text("test.pub"));
        byte[] changed = resource("feed.json");
        changed[changed.length - 3] ^= 1;
        UpdateException e = assertThrows(UpdateException.class, () -> MinisignVerifier.verify(key, changed, text("feed.json.minisig")));
        assertEquals(UpdateError.BAD_SIGNATURE, e.error());
    }

    @Test
    void refusesASwappedTrustedComment() throws Exception {
        MinisignPublicKey key = MinisignPublicKey.parse(text("test.pub"));
        String forged = text("feed.json.minisig").replace("timestamp:1", "timestamp:9");
        UpdateException e = assertThrows(UpdateException.class, () -> MinisignVerifier.verify(key, resource("feed.json"), forged));
        assertEquals(UpdateError.BAD_SIGNATURE, e.error());
    }

    @Test
    void refusesAnotherKeysSignature() throws Exception {
        MinisignPublicKey other = MinisignSecretKey.generate(new SecureRandom()).publicKey();
        UpdateException e = assertThrows(UpdateException.class,
                () -> MinisignVerifier.verify(other, resource("feed.json"), text("feed.json.minisig")));
        assertEquals(UpdateError.UNKNOWN_KEY, e.error());
    }

    @Test
    void refusesGarbageAsSignature() throws Exception {
        MinisignPublicKey key = MinisignPublicKey.parse(text("test.pub"));
        for (String junk : new String[] {"", "untrusted comment: x\n!!!\ntrusted comment: y\nAAAA\n", "hello"}) {
            UpdateException e = assertThrows(UpdateException.class, () -> MinisignVerifier.verify(key, resource("feed.json"), junk));
            assertEquals(UpdateError.BAD_SIGNATURE, e.error(), junk);
        }
    }

    @Test
    void signsExactlyAsMinisignDoesWithItsOwnKeyFile() throws Exception {
        // Ed25519 is deterministic: reading minisign's secret key and signing the same file with
        // the same trusted comment must give minisign's own signature lines.
        Path keyFile = tmp.resolve("test.key");
        Files.write(keyFile, resource("test.key"));
        MinisignSecretKey key = MinisignSecretKey.read(keyFile);
        assertArrayEquals(MinisignPublicKey.parse(text("test.pub")).publicKey(), key.publicKey().publicKey());
        String ours = MinisignSigner.sign(key, resource("feed.json"), "timestamp:1 file:feed.json");
        String[] mine = ours.split("\n"), theirs = text("feed.json.minisig").split("\n");
        assertEquals(theirs[1], mine[1]);
        assertEquals(theirs[2], mine[2]);
        assertEquals(theirs[3], mine[3]);
    }

    @Test
    void keysWrittenByTheReleaseToolReadBackAndVerify() throws Exception {
        MinisignSecretKey key = MinisignSecretKey.generate(new SecureRandom());
        key.write(tmp.resolve("release.key"), tmp.resolve("release.pub"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("release.key"))));
        MinisignSecretKey back = MinisignSecretKey.read(tmp.resolve("release.key"));
        MinisignPublicKey pub = MinisignPublicKey.read(tmp.resolve("release.pub"));
        byte[] message = "feed".getBytes(StandardCharsets.UTF_8);
        assertEquals("c", MinisignVerifier.verify(pub, message, MinisignSigner.sign(back, message, "c")));
    }
}
