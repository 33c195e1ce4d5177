package network.mask.node.sphinx.crypto.ffm;

import static network.mask.node.sphinx.crypto.ffm.NativeLibrary.heap;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import network.mask.node.sphinx.crypto.AesGcm;

/**
 * EVP AES-256-GCM on one cipher context per instance, re-initialised with key and nonce for every
 * message (the key schedule costs less than a tenth of a 2 KB message). libcrypto picks its code for
 * the CPU: AES-NI/VAES with carry-less multiply on x86, ARMv8 AES+PMULL, and on a CPU without AES
 * instructions (a Raspberry Pi 4's Cortex-A72) its constant-time NEON bit-sliced AES and NEON GHASH.
 * Arguments go to libcrypto as heap segments (critical downcalls), so nothing is copied.
 */
final class OpenSslAesGcm implements AesGcm {

    private final MemorySegment ctx;
    private final MemorySegment outLength = Arena.ofAuto().allocate(ValueLayout.JAVA_INT);

    OpenSslAesGcm() {
        ctx = OpenSslLib.newCipherContext(this);
    }

    @Override
    public int seal(byte[] key, byte[] nonce, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
        int ok;
        try {
            ok = start(OpenSslLib.ENCRYPT_INIT, OpenSslLib.ENCRYPT_UPDATE, key, nonce, ad);
            ok &= (int) OpenSslLib.ENCRYPT_UPDATE.invokeExact(ctx, heap(out, outOff, len), outLength, heap(in, inOff, len), len);
            ok &= outLength.get(ValueLayout.JAVA_INT, 0) == len ? 1 : 0;
            ok &= (int) OpenSslLib.ENCRYPT_FINAL.invokeExact(ctx, heap(out, outOff + len, 0), outLength);
            ok &= (int) OpenSslLib.CIPHER_CTX_CTRL.invokeExact(ctx, OpenSslLib.EVP_CTRL_AEAD_GET_TAG, TAG_LENGTH,
                    heap(out, outOff + len, TAG_LENGTH));
        } catch (Throwable e) {
            throw NativeStatus.downcallFailed("EVP AES-256-GCM encrypt", e);
        }
        if (ok != 1) {
            OpenSslLib.clearErrors();
            throw new IllegalStateException("AES-256-GCM encryption failed");
        }
        return len + TAG_LENGTH;
    }

    @Override
    public int open(byte[] key, byte[] nonce, byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
        if (len < TAG_LENGTH) throw new IllegalArgumentException("an AES-GCM message is at least its 16-byte tag");
        int body = len - TAG_LENGTH;
        int ok;
        int verified;
        try {
            ok = start(OpenSslLib.DECRYPT_INIT, OpenSslLib.DECRYPT_UPDATE, key, nonce, ad);
            ok &= (int) OpenSslLib.DECRYPT_UPDATE.invokeExact(ctx, heap(out, outOff, body), outLength, heap(in, inOff, body), body);
            ok &= outLength.get(ValueLayout.JAVA_INT, 0) == body ? 1 : 0;
            ok &= (int) OpenSslLib.CIPHER_CTX_CTRL.invokeExact(ctx, OpenSslLib.EVP_CTRL_AEAD_SET_TAG, TAG_LENGTH,
                    heap(in, inOff + body, TAG_LENGTH));
            // libcrypto compares the tag in constant time (CRYPTO_memcmp).
            verified = (int) OpenSslLib.DECRYPT_FINAL.invokeExact(ctx, heap(out, outOff + body, 0), outLength);
        } catch (Throwable e) {
            throw NativeStatus.downcallFailed("EVP AES-256-GCM decrypt", e);
        }
        if (ok != 1) {
            OpenSslLib.clearErrors();
            throw new IllegalStateException("AES-256-GCM decryption failed");
        }
        if (verified <= 0) {
            // The plaintext was written before the tag was checked: wipe it, as the JDK never writes it.
            Arrays.fill(out, outOff, outOff + body, (byte) 0);
            OpenSslLib.clearErrors();
            return -1;
        }
        return body;
    }

    /** Key and nonce in, then the additional data (EncryptUpdate or DecryptUpdate with no output); 1 when all went well. */
    private int start(MethodHandle init, MethodHandle update, byte[] key, byte[] nonce, byte[] ad) throws Throwable {
        int ok = (int) init.invokeExact(ctx, OpenSslLib.AES_256_GCM, MemorySegment.NULL,
                heap(key, 0, KEY_LENGTH), heap(nonce, 0, NONCE_LENGTH));
        if (ad.length > 0) ok &= (int) update.invokeExact(ctx, MemorySegment.NULL, outLength, heap(ad, 0, ad.length), ad.length);
        return ok;
    }
}
