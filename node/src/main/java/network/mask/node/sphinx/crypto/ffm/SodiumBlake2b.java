package network.mask.node.sphinx.crypto.ffm;

import static network.mask.node.sphinx.crypto.ffm.NativeLibrary.heap;

import network.mask.node.sphinx.crypto.Blake2bMac;

/** {@code crypto_generichash} with a 64-byte key and outlen 32: BLAKE2b-256 in the parameter block. */
final class SodiumBlake2b implements Blake2bMac {

    @Override
    public void mac(byte[] key, int keyOff, byte[] data, int off, int len, byte[] out, int outOff) {
        int rc;
        try {
            rc = (int) SodiumLib.GENERICHASH.invokeExact(heap(out, outOff, LENGTH), (long) LENGTH,
                    heap(data, off, len), (long) len, heap(key, keyOff, KEY_LENGTH), (long) KEY_LENGTH);
        } catch (Throwable e) {
            throw NativeStatus.downcallFailed("crypto_generichash", e);
        }
        if (rc != 0) throw new IllegalStateException("crypto_generichash returned " + rc);
    }
}
