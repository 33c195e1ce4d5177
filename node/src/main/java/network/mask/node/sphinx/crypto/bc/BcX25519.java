package network.mask.node.sphinx.crypto.bc;

import network.mask.node.sphinx.crypto.X25519;

/** {@code org.bouncycastle.math.ec.rfc7748.X25519}: clamps the scalar and reports an all-zero result. */
final class BcX25519 implements X25519 {

    static {
        org.bouncycastle.math.ec.rfc7748.X25519.precompute();
    }

    @Override
    public boolean scalarMult(byte[] k, int kOff, byte[] u, int uOff, byte[] out, int outOff) {
        return org.bouncycastle.math.ec.rfc7748.X25519.calculateAgreement(k, kOff, u, uOff, out, outOff);
    }
}
