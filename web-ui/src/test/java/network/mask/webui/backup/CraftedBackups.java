package network.mask.webui.backup;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import network.mask.webui.security.PasswordHasher;

/**
 * Backups an attacker could hand the owner: correctly encrypted (so they pass the tag) but with
 * whatever bundle inside, or with a header asking for an unaffordable key derivation. Follows
 * the layout documented in {@link BackupCipher}.
 */
public final class CraftedBackups {

    private CraftedBackups() {
    }

    /** A bundle entry: {@code nameLength:short, name, size:int, bytes} with a size field that may lie. */
    public record Entry(String name, int declaredSize, byte[] bytes) {
        public static Entry of(String name, byte[] bytes) {
            return new Entry(name, bytes.length, bytes);
        }
    }

    public static byte[] bundle(int declaredCount, Entry... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(declaredCount);
            for (Entry e : entries) {
                byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
                out.writeShort(name.length);
                out.write(name);
                out.writeInt(e.declaredSize());
                out.write(e.bytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code plain} encrypted exactly as the node would, with {@code cost} in the header. */
    public static byte[] sealed(byte[] plain, String passphrase, PasswordHasher.Cost cost) {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(salt);
        new SecureRandom().nextBytes(nonce);
        ByteBuffer header = ByteBuffer.allocate(8 + 2 + 12 + 16 + 12).put("MNBACKUP".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 1).put((byte) 1).putInt(cost.memoryKiB()).putInt(cost.iterations()).putInt(cost.parallelism())
                .put(salt).put(nonce);
        byte[] key = PasswordHasher.derive(passphrase, salt, cost, 32);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(header.array());
            byte[] sealed = gcm.doFinal(plain);
            return ByteBuffer.allocate(header.capacity() + sealed.length).put(header.array()).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of {@code file} whose header asks for other Argon2 costs (the tag no longer matches, which must not matter). */
    public static byte[] withHeaderCost(byte[] file, int memoryKiB, int iterations, int parallelism) {
        byte[] copy = file.clone();
        ByteBuffer.wrap(copy, 10, 12).putInt(memoryKiB).putInt(iterations).putInt(parallelism);
        return copy;
    }
}
