package network.mask.node.sphinx.crypto.ffm;

import static network.mask.node.sphinx.crypto.ffm.NativeLibrary.heap;

import network.mask.node.sphinx.crypto.X25519;

/** {@code crypto_scalarmult}: clamps the scalar like x25519-dalek and returns -1 on an all-zero result. */
final class SodiumX25519 implements X25519 {

    @Override
    public boolean scalarMult(byte[] k, int kOff, byte[] u, int uOff, byte[] out, int outOff) {
        try {
            int rc = (int) SodiumLib.SCALARMULT.invokeExact(
                    heap(out, outOff, LENGTH), heap(k, kOff, LENGTH), heap(u, uOff, LENGTH));
            return rc == 0;
        } catch (Throwable e) {
            throw NativeStatus.downcallFailed("crypto_scalarmult", e);
        }
    }
}
