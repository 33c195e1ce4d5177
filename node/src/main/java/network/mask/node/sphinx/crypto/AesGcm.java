package network.mask.node.sphinx.crypto;

/**
 * AES-256-GCM with a 12-byte nonce and a 16-byte tag: the cipher of Nym's Noise links
 * ({@code Noise_XKpsk3_25519_AESGCM_SHA256}). Not part of a Sphinx hop, but chosen like the hop's
 * primitives: a CPU without AES instructions (a Raspberry Pi 4) leaves the JDK's AES on its
 * table-driven pure-Java path, which is slow and not constant-time, where libcrypto has constant-time
 * vector code. Not thread-safe; input and output must not overlap.
 */
public interface AesGcm {

    int KEY_LENGTH = 32;
    int NONCE_LENGTH = 12;
    int TAG_LENGTH = 16;

    /**
     * Encrypts {@code in[inOff..+len)} with additional data {@code ad} into {@code out[outOff..)}:
     * the ciphertext, then the tag. Returns {@code len + 16}.
     */
    int seal(byte[] key, byte[] nonce, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff);

    /**
     * Checks and decrypts {@code in[inOff..+len)} (ciphertext, then tag) into {@code out[outOff..)}.
     * Returns the plaintext length, or -1 when the tag does not verify (nothing of {@code out} is
     * then to be used). {@code len} must be at least 16.
     */
    int open(byte[] key, byte[] nonce, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff);
}
