package network.mask.node.sphinx.crypto;

/**
 * Keyed BLAKE2b with a 64-byte key and the 32-byte output length in the parameter block
 * (Lioness's hash; not BLAKE2b-512 truncated). Not thread-safe.
 */
public interface Blake2bMac {

    int KEY_LENGTH = 64;
    int LENGTH = 32;

    /** Writes the 32-byte keyed hash of {@code data[off..+len)} to {@code out[outOff..]}. */
    void mac(byte[] key, int keyOff, byte[] data, int off, int len, byte[] out, int outOff);
}
