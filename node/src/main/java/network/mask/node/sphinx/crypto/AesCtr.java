package network.mask.node.sphinx.crypto;

/** AES-128 in big-endian counter mode with an all-zero IV (Sphinx's header cipher). Not thread-safe. */
public interface AesCtr {

    int KEY_LENGTH = 16;

    /** XORs the keystream of {@code key[keyOff..+16)}, from counter 0, into {@code data[off..+len)} in place. */
    void xor(byte[] key, int keyOff, byte[] data, int off, int len);
}
