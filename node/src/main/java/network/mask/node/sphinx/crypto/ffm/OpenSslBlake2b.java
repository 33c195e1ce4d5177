package network.mask.node.sphinx.crypto.ffm;

import static network.mask.node.sphinx.crypto.ffm.NativeLibrary.heap;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import network.mask.node.sphinx.crypto.Blake2bMac;

/** EVP_MAC BLAKE2BMAC with the "size" parameter 32 set once on a context kept per instance. */
final class OpenSslBlake2b implements Blake2bMac {

    private final MemorySegment ctx;
    private final MemorySegment outLength = Arena.ofAuto().allocate(ValueLayout.JAVA_LONG);

    OpenSslBlake2b() {
        try {
            ctx = (MemorySegment) OpenSslLib.MAC_CTX_NEW.invokeExact(OpenSslLib.BLAKE2BMAC);
            if (ctx.equals(MemorySegment.NULL)) throw new IllegalStateException("EVP_MAC_CTX_new failed");
            MemorySegment toFree = ctx;
            OpenSslLib.CLEANER.register(this, () -> free(toFree));
            int rc = (int) OpenSslLib.MAC_CTX_SET_PARAMS.invokeExact(ctx, OpenSslLib.SIZE_32_PARAMS);
            if (rc != 1) throw new IllegalStateException("BLAKE2BMAC refused size=32");
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw NativeStatus.downcallFailed("EVP_MAC_CTX_new", e);
        }
    }

    @Override
    public void mac(byte[] key, int keyOff, byte[] data, int off, int len, byte[] out, int outOff) {
        int ok;
        try {
            ok = (int) OpenSslLib.MAC_INIT.invokeExact(ctx, heap(key, keyOff, KEY_LENGTH), (long) KEY_LENGTH,
                    MemorySegment.NULL);
            ok &= (int) OpenSslLib.MAC_UPDATE.invokeExact(ctx, heap(data, off, len), (long) len);
            ok &= (int) OpenSslLib.MAC_FINAL.invokeExact(ctx, heap(out, outOff, LENGTH), outLength, (long) LENGTH);
        } catch (Throwable e) {
            throw NativeStatus.downcallFailed("EVP_MAC BLAKE2BMAC", e);
        }
        if (ok != 1 || outLength.get(ValueLayout.JAVA_LONG, 0) != LENGTH) {
            OpenSslLib.clearErrors();
            throw new IllegalStateException("BLAKE2BMAC failed");
        }
    }

    private static void free(MemorySegment ctx) {
        try {
            OpenSslLib.MAC_CTX_FREE.invokeExact(ctx);
        } catch (Throwable e) {
            throw NativeStatus.downcallFailed("EVP_MAC_CTX_free", e);
        }
    }
}
