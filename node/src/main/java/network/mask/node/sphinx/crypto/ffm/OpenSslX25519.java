package network.mask.node.sphinx.crypto.ffm;

import static network.mask.node.sphinx.crypto.ffm.NativeLibrary.heap;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.security.MessageDigest;
import network.mask.node.sphinx.crypto.X25519;

/**
 * EVP_PKEY X25519 derivation. Importing a private key costs OpenSSL a fixed-base multiplication,
 * so derive contexts are kept for the last two scalars seen (a node's primary and secondary
 * rotation keys): the node-key DH then costs one multiplication. Fresh scalars (blinding) pay
 * the import each time, which the start-up measurement notices.
 */
final class OpenSslX25519 implements X25519 {

    private static final int SLOTS = 2;

    private final Contexts contexts = new Contexts();
    private final byte[][] scalars = new byte[SLOTS][];
    private final byte[] probe = new byte[LENGTH];
    private final byte[] maskedU = new byte[LENGTH];
    private final MemorySegment outLength = Arena.ofAuto().allocate(ValueLayout.JAVA_LONG);
    private int victim;

    OpenSslX25519() {
        OpenSslLib.CLEANER.register(this, contexts);
    }

    @Override
    public boolean scalarMult(byte[] k, int kOff, byte[] u, int uOff, byte[] out, int outOff) {
        MemorySegment ctx = contextFor(k, kOff);
        System.arraycopy(u, uOff, maskedU, 0, LENGTH);
        maskedU[LENGTH - 1] &= 0x7f; // RFC 7748: the top bit of u is ignored
        try {
            MemorySegment peer = (MemorySegment) OpenSslLib.PKEY_NEW_RAW_PUBLIC.invokeExact(
                    OpenSslLib.EVP_PKEY_X25519, MemorySegment.NULL, heap(maskedU, 0, LENGTH), (long) LENGTH);
            if (peer.equals(MemorySegment.NULL)) {
                OpenSslLib.clearErrors();
                return false;
            }
            int ok = (int) OpenSslLib.DERIVE_SET_PEER.invokeExact(ctx, peer);
            if (ok == 1) {
                outLength.set(ValueLayout.JAVA_LONG, 0, LENGTH);
                ok = (int) OpenSslLib.DERIVE.invokeExact(ctx, heap(out, outOff, LENGTH), outLength);
            }
            OpenSslLib.PKEY_FREE.invokeExact(peer);
            if (ok != 1) {
                OpenSslLib.clearErrors(); // an all-zero result (low-order u) fails the derive
                return false;
            }
            return true;
        } catch (Throwable e) {
            throw NativeStatus.downcallFailed("EVP_PKEY_derive", e);
        }
    }

    private MemorySegment contextFor(byte[] k, int kOff) {
        System.arraycopy(k, kOff, probe, 0, LENGTH);
        for (int slot = 0; slot < SLOTS; slot++) {
            if (scalars[slot] != null && MessageDigest.isEqual(scalars[slot], probe)) return contexts.ctx[slot];
        }
        int slot = victim;
        victim = (victim + 1) % SLOTS;
        scalars[slot] = null;
        contexts.free(slot);
        try {
            MemorySegment key = (MemorySegment) OpenSslLib.PKEY_NEW_RAW_PRIVATE.invokeExact(
                    OpenSslLib.EVP_PKEY_X25519, MemorySegment.NULL, heap(probe, 0, LENGTH), (long) LENGTH);
            if (key.equals(MemorySegment.NULL)) throw new IllegalStateException("EVP_PKEY_new_raw_private_key failed");
            contexts.key[slot] = key;
            MemorySegment ctx = (MemorySegment) OpenSslLib.PKEY_CTX_NEW.invokeExact(key, MemorySegment.NULL);
            if (ctx.equals(MemorySegment.NULL)) throw new IllegalStateException("EVP_PKEY_CTX_new failed");
            contexts.ctx[slot] = ctx;
            int ok = (int) OpenSslLib.DERIVE_INIT.invokeExact(ctx);
            if (ok != 1) throw new IllegalStateException("EVP_PKEY_derive_init failed");
        } catch (RuntimeException e) {
            OpenSslLib.clearErrors();
            throw e;
        } catch (Throwable e) {
            throw NativeStatus.downcallFailed("EVP_PKEY_new_raw_private_key", e);
        }
        scalars[slot] = probe.clone();
        return contexts.ctx[slot];
    }

    /** The native objects; kept apart from the instance so the cleaner does not keep it alive. */
    private static final class Contexts implements Runnable {
        final MemorySegment[] key = new MemorySegment[SLOTS];
        final MemorySegment[] ctx = new MemorySegment[SLOTS];

        void free(int slot) {
            try {
                if (ctx[slot] != null) OpenSslLib.PKEY_CTX_FREE.invokeExact(ctx[slot]);
                if (key[slot] != null) OpenSslLib.PKEY_FREE.invokeExact(key[slot]);
            } catch (Throwable e) {
                throw NativeStatus.downcallFailed("EVP_PKEY_free", e);
            }
            ctx[slot] = null;
            key[slot] = null;
        }

        @Override
        public void run() {
            for (int slot = 0; slot < SLOTS; slot++) free(slot);
        }
    }
}
