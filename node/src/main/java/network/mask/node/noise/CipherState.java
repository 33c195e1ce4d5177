package network.mask.node.noise;

import java.util.Arrays;
import network.mask.node.sphinx.crypto.AesGcm;

/**
 * The Noise CipherState for AESGCM (Noise spec rev. 34, sections 5.1 and 12.4): a 32-byte key and a
 * 64-bit counter; nonce = four zero bytes then the counter big-endian. The AES-GCM itself comes from
 * a {@link GcmSource} (the JDK's or libcrypto's, as measured at start; both check the tag in constant
 * time). One per direction; not thread-safe (a link uses it from one event loop).
 */
final class CipherState {

    private final GcmSource gcm;
    private final byte[] nonce = new byte[AesGcm.NONCE_LENGTH];
    private byte[] key;
    private long n;   // unsigned; -1 (2^64 - 1) is reserved by the spec and never used

    CipherState(GcmSource gcm) {
        this.gcm = gcm;
    }

    void initializeKey(byte[] k) {
        key = Arrays.copyOf(k, NoiseProtocol.KEY_LENGTH);
        n = 0;
    }

    boolean hasKey() {
        return key != null;
    }

    byte[] encryptWithAd(byte[] ad, byte[] plaintext) throws NoiseException {
        if (key == null) return plaintext.clone();
        byte[] out = new byte[plaintext.length + NoiseProtocol.TAG_LENGTH];
        encrypt(ad, plaintext, 0, plaintext.length, out, 0);
        return out;
    }

    byte[] decryptWithAd(byte[] ad, byte[] ciphertext, int offset, int length) throws NoiseException {
        if (key == null) return Arrays.copyOfRange(ciphertext, offset, offset + length);
        byte[] out = new byte[Math.max(0, length - NoiseProtocol.TAG_LENGTH)];
        decrypt(ad, ciphertext, offset, length, out, 0);
        return out;
    }

    /** Encrypts {@code in[off..+len)} into {@code out[outOff..)}, tag included; returns the bytes written. */
    int encrypt(byte[] ad, byte[] in, int off, int len, byte[] out, int outOff) throws NoiseException {
        nextNonce();
        int written = gcm.current().seal(key, nonce, ad, in, off, len, out, outOff);
        n++;
        return written;
    }

    /** Decrypts {@code in[off..+len)} into {@code out[outOff..)}; returns the plaintext length. */
    int decrypt(byte[] ad, byte[] in, int off, int len, byte[] out, int outOff) throws NoiseException {
        if (len < NoiseProtocol.TAG_LENGTH) throw new NoiseException(NoiseException.Kind.DECRYPT_FAILED, "message shorter than its tag");
        nextNonce();
        int written = gcm.current().open(key, nonce, ad, in, off, len, out, outOff);
        if (written < 0) throw new NoiseException(NoiseException.Kind.DECRYPT_FAILED, "the message's tag does not verify");
        n++;
        return written;
    }

    private void nextNonce() throws NoiseException {
        if (n == -1L) throw new NoiseException(NoiseException.Kind.NONCE_EXHAUSTED, "the link's nonce is used up");
        long c = n;
        for (int i = 11; i >= 4; i--) {
            nonce[i] = (byte) c;
            c >>>= 8;
        }
    }
}
