package network.mask.node.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import network.mask.node.keys.KeyFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nym's shapes around the Noise core: PSK, header bytes, message sizes, the key file. */
class NoiseKeysAndFramesTest {

    @TempDir Path dir;
    final SecureRandom random = new SecureRandom();

    @Test
    void pskIsSha256OfNymsPrefixAndTheResponderKeyForVersion1Only() throws Exception {
        byte[] key = HexFormat.of().parseHex("31e0303fd6418d2f8c0e78b91f22e8caed0fbe48656dcf4767e4834f701b8f62");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("NYMTECH_NOISE_dQw4w9WgXcQ".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(sha.digest(key), NoiseProtocol.psk(1, key));
        NoiseException e = assertThrows(NoiseException.class, () -> NoiseProtocol.psk(2, key));
        assertEquals(NoiseException.Kind.UNSUPPORTED_VERSION, e.kind());
    }

    @Test
    void nymsHandshakeIs48Then48Then64BytesBehindTheirHeaders() throws Exception {
        NoiseKeyPair responderKey = NoiseKeyPair.generate(random);
        NoiseHandshake i = NoiseHandshake.initiator(NoiseKeyPair.generate(random), responderKey.publicKey(), random);
        NoiseHandshake r = NoiseHandshake.responder(responderKey, 1, random);
        byte[] m1 = i.writeMessage(new byte[0]);
        r.readMessage(m1);
        byte[] m2 = r.writeMessage(new byte[0]);
        i.readMessage(m2);
        byte[] m3 = i.writeMessage(new byte[0]);
        r.readMessage(m3);
        assertEquals(48, m1.length);
        assertEquals(48, m2.length);
        assertEquals(64, m3.length);
        byte[] header = new byte[8];
        NoiseFrameHeader.encode(NoiseFrameHeader.TYPE_HANDSHAKE, m1.length, header, 0);
        assertEquals("0101000030000000", HexFormat.of().formatHex(header));
        NoiseFrameHeader.encode(NoiseFrameHeader.TYPE_DATA, 2413 + 16, header, 0);
        assertEquals("010101097d000000", HexFormat.of().formatHex(header));
        NoiseTransport ti = i.split();
        NoiseTransport tr = r.split();
        byte[] sealed = ti.encrypt("hello there".getBytes(StandardCharsets.US_ASCII));
        assertEquals(11 + 16, sealed.length);
        assertEquals("hello there", new String(tr.decrypt(sealed), StandardCharsets.US_ASCII));
        NoiseException replay = assertThrows(NoiseException.class, () -> tr.decrypt(sealed));
        assertEquals(NoiseException.Kind.DECRYPT_FAILED, replay.kind());
    }

    @Test
    void headerDecodingRefusesWhatNymRefusesAndTheCaps() {
        assertEquals(NoiseException.Kind.MALFORMED_FRAME, kind(new byte[] {1, 3, 0, 0, 48, 0, 0, 0}), "unknown pattern");
        assertEquals(NoiseException.Kind.MALFORMED_FRAME, kind(new byte[] {1, 1, 2, 0, 48, 0, 0, 0}), "unknown type");
        assertEquals(NoiseException.Kind.OVERSIZED_FRAME, kind(new byte[] {1, 1, 0, 4, 1, 0, 0, 0}), "handshake of 1025 bytes");
        assertEquals(NoiseException.Kind.MALFORMED_FRAME, kind(new byte[] {1, 1, 1, 0, 15, 0, 0, 0}), "data shorter than a tag");
    }

    private static NoiseException.Kind kind(byte[] header) {
        return assertThrows(NoiseException.class, () -> NoiseFrameHeader.decode(header, 0)).kind();
    }

    @Test
    void theKeyFileIsMadeOnceWithMode0600AndADamagedOneIsRefused() throws Exception {
        NoiseKeyStore store = new NoiseKeyStore(dir, random);
        NoiseKeyPair first = store.loadOrCreate();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        assertArrayEquals(first.publicKey(), new NoiseKeyStore(dir, random).loadOrCreate().publicKey());
        assertTrue(Files.readString(store.file()).contains("kind = x25519-noise"));
        Files.writeString(store.file(), "kind = x25519-noise\nprivate_key = 0OIl\n");
        KeyFileException e = assertThrows(KeyFileException.class, () -> new NoiseKeyStore(dir, random).loadOrCreate());
        assertTrue(e.getMessage().contains("delete it"), e.getMessage());
    }
}
