package network.mask.node.sphinx.crypto;

/**
 * RFC 7748 X25519 with the scalar clamped on every use, as x25519-dalek's
 * {@code StaticSecret::diffie_hellman} does (spec §2). Instances are not thread-safe.
 */
public interface X25519 {

    /** Length of scalars, points and results. */
    int LENGTH = 32;

    /**
     * Writes {@code X25519(clamp(k), u)} to {@code out[outOff..+32)}. The top bit of {@code u} is
     * ignored. {@code out} must not overlap the inputs.
     *
     * @return {@code false} when the result is all zero, i.e. {@code u} is of low order: the
     *     shared secret would then be public. The content of {@code out} is unspecified then.
     */
    boolean scalarMult(byte[] k, int kOff, byte[] u, int uOff, byte[] out, int outOff);

    /** {@code X25519(clamp(secret), 9)}: the public key of a raw 32-byte secret. */
    default byte[] publicKey(byte[] secret) {
        byte[] base = new byte[LENGTH];
        base[0] = 9;
        byte[] out = new byte[LENGTH];
        if (!scalarMult(secret, 0, base, 0, out, 0)) throw new IllegalArgumentException("secret gives no public key");
        return out;
    }
}
