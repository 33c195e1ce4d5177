package network.mask.node.sphinx.crypto.ffm;

import static network.mask.node.sphinx.crypto.ffm.NativeLibrary.heap;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import network.mask.node.sphinx.crypto.AesCtr;

/**
 * EVP AES-128-CTR with a zero IV on one cipher context per instance, in place. libcrypto's 128-bit
 * big-endian counter equals Nym's Ctr64BE for a zero IV and inputs far below 2^64 blocks. Where the CPU
 * has no AES instructions (a Raspberry Pi 4) its AES is constant-time NEON code, where the JDK's and
 * BouncyCastle's use lookup tables.
 */
final class OpenSslAesCtr implements AesCtr {

    private static final MemorySegment ZERO_IV = Arena.global().allocate(16);

    private final MemorySegment ctx;
    private final MemorySegment outLength = Arena.ofAuto().allocate(ValueLayout.JAVA_INT);

    OpenSslAesCtr() {
        ctx = OpenSslLib.newCipherContext(this);
    }

    @Override
    public void xor(byte[] key, int keyOff, byte[] data, int off, int len) {
        int ok;
        try {
            ok = (int) OpenSslLib.ENCRYPT_INIT.invokeExact(ctx, OpenSslLib.AES_128_CTR, MemorySegment.NULL,
                    heap(key, keyOff, KEY_LENGTH), ZERO_IV);
            MemorySegment inPlace = heap(data, off, len);
            ok &= (int) OpenSslLib.ENCRYPT_UPDATE.invokeExact(ctx, inPlace, outLength, inPlace, len);
        } catch (Throwable e) {
            throw NativeStatus.downcallFailed("EVP AES-128-CTR", e);
        }
        if (ok != 1 || outLength.get(ValueLayout.JAVA_INT, 0) != len) {
            OpenSslLib.clearErrors();
            throw new IllegalStateException("AES-128-CTR failed");
        }
    }
}
