package network.mask.webui.backup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import network.mask.webui.security.PasswordHasher;
import network.mask.webui.security.PasswordHasher.Cost;

/**
 * Password-encrypted backups: a key from Argon2id (BouncyCastle) over the passphrase, then
 * AES-256-GCM (JCA) over the file bundle. Layout (all integers big-endian):
 * <pre>
 *   "MNBACKUP" | version=1 | kdf=1 (argon2id) | memoryKiB:int | iterations:int | parallelism:int
 *   | salt:16 | nonce:12 | AES-GCM(ciphertext || 16-byte tag)
 * </pre>
 * The whole header is the GCM associated data, so changing the cost or salt breaks the tag.
 */
public final class BackupCipher {

    /** 64 MiB, 3 passes: a backup is made rarely, so it gets a stronger key than a login. */
    public static final Cost DEFAULT_COST = new Cost(64 * 1024, 3, 1);

    private static final byte[] MAGIC = "MNBACKUP".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 2 + 12 + 16 + 12;
    /** The largest backup file accepted: a real one (keys, config, password hash) is a few KiB. */
    public static final int MAX_FILE = HEADER + BundleCodec.MAX_TOTAL + 16;

    private final Cost cost;
    private final SecureRandom random = new SecureRandom();

    public BackupCipher() {
        this(DEFAULT_COST);
    }

    public BackupCipher(Cost cost) {
        this.cost = cost;
    }

    public byte[] encrypt(Map<String, byte[]> files, String passphrase) {
        byte[] plain = BundleCodec.encode(files);
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        ByteBuffer header = ByteBuffer.allocate(HEADER).put(MAGIC).put((byte) 1).put((byte) 1)
                .putInt(cost.memoryKiB()).putInt(cost.iterations()).putInt(cost.parallelism()).put(salt).put(nonce);
        byte[] key = PasswordHasher.derive(passphrase, salt, cost, 32);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(header.array());
            byte[] sealed = gcm.doFinal(plain);
            return ByteBuffer.allocate(HEADER + sealed.length).put(header.array()).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Checks size, header and the key's Argon2 cost (against {@link PasswordHasher#AFFORDABLE}) before
     * anything is derived or allocated for it, then decrypts and checks the bundle's entries.
     */
    public Map<String, byte[]> decrypt(byte[] backup, String passphrase) throws BackupException {
        if (backup.length > MAX_FILE) {
            throw new BackupException(BackupException.Kind.TOO_LARGE, "This file is larger than any Mask Node backup ("
                    + MAX_FILE / 1024 + " KiB at most); it was not made by a Mask Node.");
        }
        if (backup.length < HEADER + 16 || !Arrays.equals(MAGIC, 0, MAGIC.length, backup, 0, MAGIC.length)) {
            throw new BackupException(BackupException.Kind.NOT_A_BACKUP, "This file is not a Mask Node backup.");
        }
        ByteBuffer in = ByteBuffer.wrap(backup);
        in.position(MAGIC.length);
        byte version = in.get();
        byte kdf = in.get();
        if (version != 1 || kdf != 1) {
            throw new BackupException(BackupException.Kind.UNSUPPORTED, "This backup was made by a newer firmware; update the node first.");
        }
        int m = in.getInt();
        int t = in.getInt();
        int p = in.getInt();
        Cost fileCost;
        try {
            fileCost = new Cost(m, t, p);
        } catch (IllegalArgumentException e) {
            throw new BackupException(BackupException.Kind.DAMAGED, "This backup file is damaged.");
        }
        if (!fileCost.affordable()) {
            // A crafted header must not make us allocate hundreds of MiB or spin for minutes.
            throw new BackupException(BackupException.Kind.TOO_COSTLY, "This backup asks for more memory or time than the "
                    + "box can give (" + m / 1024 + " MiB, " + t + " passes, " + p + " lanes); it was not made by a Mask Node.");
        }
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        in.get(salt).get(nonce);
        byte[] key = PasswordHasher.derive(passphrase, salt, fileCost, 32);
        byte[] plain = null;
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(backup, 0, HEADER);
            plain = gcm.doFinal(backup, HEADER, backup.length - HEADER);
            return BundleCodec.decode(plain);
        } catch (AEADBadTagException e) {
            throw new BackupException(BackupException.Kind.WRONG_PASSPHRASE, "Wrong passphrase, or the backup file is damaged.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(key, (byte) 0);
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }
}
