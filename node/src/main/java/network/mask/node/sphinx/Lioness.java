package network.mask.node.sphinx;

import network.mask.node.sphinx.crypto.Blake2bMac;
import network.mask.node.sphinx.crypto.ChaCha20;
import network.mask.node.sphinx.crypto.SphinxCrypto;

/**
 * The Lioness wide-block cipher as crate {@code lioness} 0.1.2 builds it with ChaCha20 and
 * keyed BLAKE2b-256 (spec §7.1), working in place. A composition of primitives, not one:
 * the 192-byte key splits into K1 (32, stream), K2 (64, hash), K3 (32, stream), K4 (64, hash).
 * Not thread-safe (scratch buffers).
 */
public final class Lioness {

    public static final int KEY_LENGTH = 192;
    /** The left half is 32 bytes and the right half must not be empty. */
    public static final int MIN_BLOCK = 33;

    private static final int HALF = 32;
    private static final int K1 = 0;
    private static final int K2 = 32;
    private static final int K3 = 96;
    private static final int K4 = 128;

    private final ChaCha20 chacha;
    private final Blake2bMac blake;
    private final byte[] streamKey = new byte[HALF];
    private final byte[] hash = new byte[HALF];

    public Lioness(SphinxCrypto crypto) {
        chacha = crypto.newChaCha20();
        blake = crypto.newBlake2b();
    }

    /** {@code R ^= S(L^K1); L ^= H(K2,R); R ^= S(L^K3); L ^= H(K4,R)} over {@code block[off..+len)}. */
    public void encrypt(byte[] key, int keyOff, byte[] block, int off, int len) {
        stream(key, keyOff + K1, block, off, len);
        hash(key, keyOff + K2, block, off, len);
        stream(key, keyOff + K3, block, off, len);
        hash(key, keyOff + K4, block, off, len);
    }

    /** The encryption steps in reverse order. */
    public void decrypt(byte[] key, int keyOff, byte[] block, int off, int len) {
        hash(key, keyOff + K4, block, off, len);
        stream(key, keyOff + K3, block, off, len);
        hash(key, keyOff + K2, block, off, len);
        stream(key, keyOff + K1, block, off, len);
    }

    /** {@code R ^= ChaCha20(L ^ k)}. */
    private void stream(byte[] key, int kOff, byte[] block, int off, int len) {
        for (int i = 0; i < HALF; i++) streamKey[i] = (byte) (block[off + i] ^ key[kOff + i]);
        chacha.xor(streamKey, 0, block, off + HALF, len - HALF);
    }

    /** {@code L ^= BLAKE2b-256(k, R)}. */
    private void hash(byte[] key, int kOff, byte[] block, int off, int len) {
        blake.mac(key, kOff, block, off + HALF, len - HALF, hash, 0);
        for (int i = 0; i < HALF; i++) block[off + i] ^= hash[i];
    }
}
