package network.mask.node.noise;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Noise CipherState for AESGCM (Noise spec rev. 34, sections 5.1 and 12.4): a 32-byte key and a
 * 64-bit counter; nonce = four zero bytes then the counter big-endian. The JDK's AES/GCM does the work
 * (it uses the CPU's AES and carry-less multiply instructions where there are any, and checks the tag in
 * constant time). One per direction; not thread-safe (a link uses it from one event loop).
 */
final class CipherState {

    private static final int GCM_TAG_BITS = 128;

    private final Cipher cipher;
    private final byte[] nonce = new byte[12];
    private SecretKeySpec key;
    private long n;   // unsigned; -1 (2^64 - 1) is reserved by the spec and never used

    CipherState() {
        try {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES/GCM", e);
        }
    }

    void initializeKey(byte[] k) {
        key = new SecretKeySpec(k, 0, NoiseProtocol.KEY_LENGTH, "AES");
        n = 0;
    }

    boolean hasKey() {
        return key != null;
    }

    byte[] encryptWithAd(byte[] ad, byte[] plaintext) throws NoiseException {
        if (key == null) return plaintext.clone();
        try {
            init(Cipher.ENCRYPT_MODE);
            if (ad.length > 0) cipher.updateAAD(ad);
            byte[] out = cipher.doFinal(plaintext);
            n++;
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    byte[] decryptWithAd(byte[] ad, byte[] ciphertext, int offset, int length) throws NoiseException {
        if (key == null) return java.util.Arrays.copyOfRange(ciphertext, offset, offset + length);
        if (length < NoiseProtocol.TAG_LENGTH) throw new NoiseException(NoiseException.Kind.DECRYPT_FAILED, "message shorter than its tag");
        try {
            init(Cipher.DECRYPT_MODE);
            if (ad.length > 0) cipher.updateAAD(ad);
            byte[] out = cipher.doFinal(ciphertext, offset, length);
            n++;
            return out;
        } catch (AEADBadTagException e) {
            throw new NoiseException(NoiseException.Kind.DECRYPT_FAILED, "the message's tag does not verify", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /** Encrypts all of {@code in} (empty AD) into {@code out}, tag included; returns the bytes written. */
    int encrypt(ByteBuffer in, ByteBuffer out) throws NoiseException {
        try {
            init(Cipher.ENCRYPT_MODE);
            int written = cipher.doFinal(in, out);
            n++;
            return written;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts all of {@code in} (empty AD) into {@code out}; returns the plaintext length. */
    int decrypt(ByteBuffer in, ByteBuffer out) throws NoiseException {
        if (in.remaining() < NoiseProtocol.TAG_LENGTH) throw new NoiseException(NoiseException.Kind.DECRYPT_FAILED, "message shorter than its tag");
        try {
            init(Cipher.DECRYPT_MODE);
            int written = cipher.doFinal(in, out);
            n++;
            return written;
        } catch (AEADBadTagException e) {
            throw new NoiseException(NoiseException.Kind.DECRYPT_FAILED, "the message's tag does not verify", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private void init(int mode) throws NoiseException, GeneralSecurityException {
        if (n == -1L) throw new NoiseException(NoiseException.Kind.NONCE_EXHAUSTED, "the link's nonce is used up");
        long c = n;
        for (int i = 11; i >= 4; i--) {
            nonce[i] = (byte) c;
            c >>>= 8;
        }
        cipher.init(mode, key, new GCMParameterSpec(GCM_TAG_BITS, nonce));
    }
}
