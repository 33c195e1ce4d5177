package network.mask.node.update.release;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import network.mask.node.storage.AtomicFiles;
import network.mask.node.update.MinisignPublicKey;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * An unencrypted minisign secret key, as {@code minisign -G -W} writes it
 * (https://jedisct1.github.io/minisign/, "Secret key format"): base64 of {@code "Ed"} ‖ kdf
 * {@code 00 00} (none) ‖ {@code "B2"} ‖ salt (32) ‖ opslimit (8) ‖ memlimit (8) ‖ key id (8) ‖
 * secret key (seed 32 ‖ public 32) ‖ checksum (32, BLAKE2b-256 of "Ed" ‖ key id ‖ secret key).
 * Encrypted keys are refused: the releaser decrypts with minisign or uses a key made here.
 */
public final class MinisignSecretKey {

    private static final int LENGTH = 158;
    private final byte[] keyId;
    private final byte[] seed;
    private final MinisignPublicKey publicKey;

    private MinisignSecretKey(byte[] keyId, byte[] seed) {
        this.keyId = keyId.clone();
        this.seed = seed.clone();
        byte[] pub = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        this.publicKey = new MinisignPublicKey(keyId, pub);
    }

    public static MinisignSecretKey generate(SecureRandom random) {
        byte[] id = new byte[8];
        byte[] seed = new byte[32];
        random.nextBytes(id);
        random.nextBytes(seed);
        return new MinisignSecretKey(id, seed);
    }

    public static MinisignSecretKey read(Path file) throws IOException {
        String line = null;
        for (String l : Files.readString(file, StandardCharsets.UTF_8).split("\\R")) {
            if (!l.isBlank() && !l.startsWith("untrusted comment:")) {
                line = l.strip();
                break;
            }
        }
        byte[] raw = line == null ? new byte[0] : Base64.getDecoder().decode(line);
        if (raw.length != LENGTH || raw[0] != 'E' || raw[1] != 'd' || raw[4] != 'B' || raw[5] != '2') {
            throw new IOException(file + " is not a minisign secret key");
        }
        if (raw[2] != 0 || raw[3] != 0) {
            throw new IOException(file + " is password-protected; make an unencrypted copy (minisign -C -s FILE, empty password)");
        }
        byte[] id = Arrays.copyOfRange(raw, 54, 62);
        byte[] sk = Arrays.copyOfRange(raw, 62, 126);
        byte[] chk = Arrays.copyOfRange(raw, 126, 158);
        // minisign 0.11 leaves the checksum zero in unencrypted keys; a non-zero one must match.
        if (!Arrays.equals(chk, new byte[32]) && !MessageDigest.isEqual(chk, checksum(id, sk))) {
            throw new IOException(file + " is damaged (checksum mismatch)");
        }
        MinisignSecretKey key = new MinisignSecretKey(id, Arrays.copyOfRange(sk, 0, 32));
        if (!Arrays.equals(key.publicKey.publicKey(), Arrays.copyOfRange(sk, 32, 64))) {
            throw new IOException(file + " is damaged (its public half does not match)");
        }
        return key;
    }

    /** Writes the secret key (0600) and {@code release.pub} beside it. */
    public void write(Path secretFile, Path publicFile) throws IOException {
        byte[] sk = new byte[64];
        System.arraycopy(seed, 0, sk, 0, 32);
        System.arraycopy(publicKey.publicKey(), 0, sk, 32, 32);
        ByteBuffer raw = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        raw.put((byte) 'E').put((byte) 'd').put((byte) 0).put((byte) 0).put((byte) 'B').put((byte) '2');
        raw.put(new byte[32]).putLong(0).putLong(0);
        raw.put(keyId).put(sk).put(checksum(keyId, sk));
        String text = "untrusted comment: minisign secret key (unencrypted; keep it offline)\n"
                + Base64.getEncoder().encodeToString(raw.array()) + "\n";
        AtomicFiles.writeSecret(secretFile, text.getBytes(StandardCharsets.US_ASCII));
        AtomicFiles.write(publicFile, publicKey.toFileText().getBytes(StandardCharsets.US_ASCII), AtomicFiles.OWNER_WRITE);
    }

    public MinisignPublicKey publicKey() {
        return publicKey;
    }

    byte[] keyId() {
        return keyId.clone();
    }

    Ed25519PrivateKeyParameters signingKey() {
        return new Ed25519PrivateKeyParameters(seed, 0);
    }

    private static byte[] checksum(byte[] id, byte[] sk) {
        Blake2bDigest d = new Blake2bDigest(256);
        d.update(new byte[] {'E', 'd'}, 0, 2);
        d.update(id, 0, id.length);
        d.update(sk, 0, sk.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}
