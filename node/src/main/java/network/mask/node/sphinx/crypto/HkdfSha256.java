package network.mask.node.sphinx.crypto;

/**
 * RFC 5869 HKDF-SHA256 with a salt and info fixed when the instance is made, so that
 * implementations can key the extract step once. Instances are not thread-safe.
 */
public interface HkdfSha256 {

    /** Writes {@code len} (at most 255 * 32) bytes of HKDF output for {@code ikm[ikmOff..+ikmLen)}. */
    void derive(byte[] ikm, int ikmOff, int ikmLen, byte[] out, int outOff, int len);
}
