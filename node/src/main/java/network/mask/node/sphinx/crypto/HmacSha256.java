package network.mask.node.sphinx.crypto;

/** HMAC-SHA256. Not thread-safe. */
public interface HmacSha256 {

    int LENGTH = 32;

    /** Writes the 32-byte HMAC of {@code data[off..+len)} under {@code key[keyOff..+keyLen)} to {@code out[outOff..]}. */
    void mac(byte[] key, int keyOff, int keyLen, byte[] data, int off, int len, byte[] out, int outOff);
}
