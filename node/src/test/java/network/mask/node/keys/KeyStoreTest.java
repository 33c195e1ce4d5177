package network.mask.node.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import network.mask.node.cli.Main;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreTest {

    @TempDir Path data;

    @Test
    void keysAreCreatedOnceOwnerOnlyAndReloadedUnchanged() throws Exception {
        KeyStore store = new KeyStore(data, new SecureRandom());
        NodeKeys first = store.loadOrCreate();
        for (String f : new String[] {KeyStore.IDENTITY_FILE, KeyStore.PRIMARY_FILE}) {
            Path p = data.resolve("keys").resolve(f);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), f);
        }
        NodeKeys again = new KeyStore(data, new SecureRandom()).loadOrCreate();
        assertEquals(first.identity().publicKeyBase58(), again.identity().publicKeyBase58());
        assertArrayEquals(first.primary().privateKeyForEngine(), again.primary().privateKeyForEngine());
        assertNull(again.secondary());
        assertEquals(1, again.primary().rotationId());
    }

    @Test
    void publicKeysFollowFromThePrivateOnes() throws Exception {
        NodeKeys keys = new KeyStore(data, new SecureRandom()).loadOrCreate();
        byte[] expected = new X25519PrivateKeyParameters(keys.primary().privateKeyForEngine(), 0).generatePublicKey().getEncoded();
        assertArrayEquals(expected, keys.primary().publicKey());
        byte[] msg = "host information".getBytes(StandardCharsets.UTF_8);
        byte[] sig = keys.identity().sign(msg);
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(keys.identity().publicKey(), 0));
        verifier.update(msg, 0, msg.length);
        assertTrue(verifier.verifySignature(sig));
    }

    @Test
    void aDamagedKeyFileStopsTheNodeInsteadOfBeingReplaced() throws Exception {
        KeyStore store = new KeyStore(data, new SecureRandom());
        store.loadOrCreate();
        Path identity = data.resolve("keys").resolve(KeyStore.IDENTITY_FILE);
        Files.writeString(identity, "private_key = not-base58-0OIl\n");
        KeyFileException e = assertThrows(KeyFileException.class, store::loadOrCreate);
        assertTrue(e.getMessage().contains("not base58"));
        assertFalse(e.getMessage().contains("0OIl"), "the secret is not repeated");
        Files.writeString(identity, "private_key = 2g\n");
        assertTrue(assertThrows(KeyFileException.class, store::loadOrCreate).getMessage().contains("expected 32"));
    }

    @Test
    void rotationKeepsThePreviousKeyAsSecondary() throws Exception {
        KeyStore store = new KeyStore(data, new SecureRandom());
        NodeKeys before = store.loadOrCreate();
        NodeKeys after = store.rotate(before);
        assertEquals(2, after.primary().rotationId());
        assertEquals(before.primary().publicKeyBase58(), after.secondary().publicKeyBase58());
        assertNotEquals(before.primary().publicKeyBase58(), after.primary().publicKeyBase58());
        NodeKeys reloaded = store.load();
        assertEquals(after.primary().publicKeyBase58(), reloaded.primary().publicKeyBase58());
        assertEquals(after.secondary().publicKeyBase58(), reloaded.secondary().publicKeyBase58());
        assertEquals(before.identity().publicKeyBase58(), reloaded.identity().publicKeyBase58());
    }

    @Test
    void keysShowPrintsBase58PublicKeys() throws Exception {
        NodeKeys keys = new KeyStore(data, new SecureRandom()).loadOrCreate();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"keys", "show", "--data", data.toString()}, new PrintStream(out), new PrintStream(err));
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("identity_key = " + keys.identity().publicKeyBase58()), text);
        assertTrue(text.contains("sphinx_key = " + keys.primary().publicKeyBase58()), text);
        assertArrayEquals(keys.identity().publicKey(), Base58.decode(keys.identity().publicKeyBase58()));
    }

    @Test
    void keysShowWithoutKeysSaysSo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"keys", "show", "--data", data.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertEquals(1, code);
        assertTrue(err.toString().contains("generated when the node first runs"), err.toString());
    }
}
