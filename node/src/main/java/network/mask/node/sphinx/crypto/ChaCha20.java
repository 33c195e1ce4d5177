package network.mask.node.sphinx.crypto;

/**
 * ChaCha20 (20 rounds) with an all-zero nonce and block counter 0. The original 8-byte-nonce
 * layout Lioness uses and RFC 8439's 12-byte layout give the same keystream here, for any
 * length below 256 GiB. Not thread-safe.
 */
public interface ChaCha20 {

    int KEY_LENGTH = 32;

    /** XORs the keystream of {@code key[keyOff..+32)} into {@code data[off..+len)} in place. */
    void xor(byte[] key, int keyOff, byte[] data, int off, int len);
}
