package network.mask.node.sphinx.crypto.ffm;

import static network.mask.node.sphinx.crypto.ffm.NativeLibrary.heap;

import network.mask.node.sphinx.crypto.ChaCha20;

/** {@code crypto_stream_chacha20_xor}: the original layout with an 8-byte nonce, as Lioness uses. */
final class SodiumChaCha20 implements ChaCha20 {

    private static final byte[] ZERO_NONCE = new byte[8];

    @Override
    public void xor(byte[] key, int keyOff, byte[] data, int off, int len) {
        int rc;
        try {
            rc = (int) SodiumLib.CHACHA20_XOR.invokeExact(heap(data, off, len), heap(data, off, len), (long) len,
                    heap(ZERO_NONCE, 0, 8), heap(key, keyOff, KEY_LENGTH));
        } catch (Throwable e) {
            throw NativeStatus.downcallFailed("crypto_stream_chacha20_xor", e);
        }
        if (rc != 0) throw new IllegalStateException("crypto_stream_chacha20_xor returned " + rc);
    }
}
