package network.mask.node.sphinx.crypto.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;

/**
 * libcrypto (OpenSSL 3) bindings, loaded once per process: EVP_MAC BLAKE2BMAC, EVP_PKEY
 * X25519 derivation, and the EVP_CIPHERs AES-128-CTR (Sphinx headers) and AES-256-GCM (Noise links). Handles are null when the library is missing ({@link #FAILURE} says why).
 */
final class OpenSslLib {

    static final int EVP_PKEY_X25519 = 1034; // NID_X25519
    /** {@code struct ossl_param_st { key; data_type; data; data_size; return_size; }} */
    static final StructLayout OSSL_PARAM = MemoryLayout.structLayout(ADDRESS.withName("key"),
            JAVA_INT.withName("data_type"), MemoryLayout.paddingLayout(4), ADDRESS.withName("data"),
            JAVA_LONG.withName("data_size"), JAVA_LONG.withName("return_size"));
    static final int OSSL_PARAM_UNSIGNED_INTEGER = 2;
    static final Cleaner CLEANER = Cleaner.create();

    static final String FAILURE;
    static final String VERSION;
    /** The fetched BLAKE2BMAC algorithm; shared, reference-counted by OpenSSL. */
    static final MemorySegment BLAKE2BMAC;
    /** {@code OSSL_PARAM[] { {"size", 32}, END }} for the 32-byte output. */
    static final MemorySegment SIZE_32_PARAMS;

    static final MethodHandle MAC_CTX_NEW;
    static final MethodHandle MAC_CTX_FREE;
    static final MethodHandle MAC_CTX_SET_PARAMS;
    static final MethodHandle MAC_INIT;
    static final MethodHandle MAC_UPDATE;
    static final MethodHandle MAC_FINAL;
    static final MethodHandle PKEY_NEW_RAW_PRIVATE;
    static final MethodHandle PKEY_NEW_RAW_PUBLIC;
    static final MethodHandle PKEY_CTX_NEW;
    static final MethodHandle PKEY_CTX_FREE;
    static final MethodHandle PKEY_FREE;
    static final MethodHandle DERIVE_INIT;
    static final MethodHandle DERIVE_SET_PEER;
    static final MethodHandle DERIVE;
    static final MethodHandle ERR_CLEAR;
    /** The fetched AES-256-GCM cipher (Noise links). */
    static final MemorySegment AES_256_GCM;
    /** The fetched AES-128-CTR cipher (Sphinx's header cipher). */
    static final MemorySegment AES_128_CTR;
    static final int EVP_CTRL_AEAD_GET_TAG = 0x10;
    static final int EVP_CTRL_AEAD_SET_TAG = 0x11;
    static final MethodHandle CIPHER_CTX_NEW;
    static final MethodHandle CIPHER_CTX_FREE;
    static final MethodHandle CIPHER_CTX_CTRL;
    static final MethodHandle ENCRYPT_INIT;
    static final MethodHandle ENCRYPT_UPDATE;
    static final MethodHandle ENCRYPT_FINAL;
    static final MethodHandle DECRYPT_INIT;
    static final MethodHandle DECRYPT_UPDATE;
    static final MethodHandle DECRYPT_FINAL;

    static {
        String failure = null;
        String version = "";
        MemorySegment blake = MemorySegment.NULL;
        MemorySegment params = MemorySegment.NULL;
        MemorySegment gcm = MemorySegment.NULL;
        MemorySegment ctr = MemorySegment.NULL;
        MethodHandle[] h = new MethodHandle[24];
        try {
            NativeLibrary lib = NativeLibrary.open("libcrypto.so.3");
            MethodHandle versionFn = lib.bind("OpenSSL_version", FunctionDescriptor.of(ADDRESS, JAVA_INT));
            version = ((MemorySegment) versionFn.invokeExact(0)).reinterpret(256).getString(0);
            MethodHandle fetch = lib.bind("EVP_MAC_fetch", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
            blake = (MemorySegment) fetch.invokeExact(MemorySegment.NULL,
                    Arena.global().allocateFrom("BLAKE2BMAC"), MemorySegment.NULL);
            if (blake.equals(MemorySegment.NULL)) throw new IllegalStateException("no BLAKE2BMAC in " + version);
            params = sizeParams(32);
            h[0] = lib.bind("EVP_MAC_CTX_new", FunctionDescriptor.of(ADDRESS, ADDRESS));
            h[1] = lib.bind("EVP_MAC_CTX_free", FunctionDescriptor.ofVoid(ADDRESS));
            h[2] = lib.bind("EVP_MAC_CTX_set_params", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
            h[3] = lib.bindCritical("EVP_MAC_init", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
            h[4] = lib.bindCritical("EVP_MAC_update", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
            h[5] = lib.bindCritical("EVP_MAC_final",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
            h[6] = lib.bindCritical("EVP_PKEY_new_raw_private_key",
                    FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
            h[7] = lib.bindCritical("EVP_PKEY_new_raw_public_key",
                    FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
            h[8] = lib.bind("EVP_PKEY_CTX_new", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
            h[9] = lib.bind("EVP_PKEY_CTX_free", FunctionDescriptor.ofVoid(ADDRESS));
            h[10] = lib.bindCritical("EVP_PKEY_free", FunctionDescriptor.ofVoid(ADDRESS));
            h[11] = lib.bind("EVP_PKEY_derive_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
            h[12] = lib.bindCritical("EVP_PKEY_derive_set_peer", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
            h[13] = lib.bindCritical("EVP_PKEY_derive", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
            h[14] = lib.bindCritical("ERR_clear_error", FunctionDescriptor.ofVoid());
            MethodHandle cipherFetch = lib.bind("EVP_CIPHER_fetch", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
            gcm = fetchCipher(cipherFetch, "AES-256-GCM", version);
            ctr = fetchCipher(cipherFetch, "AES-128-CTR", version);
            h[15] = lib.bind("EVP_CIPHER_CTX_new", FunctionDescriptor.of(ADDRESS));
            h[16] = lib.bind("EVP_CIPHER_CTX_free", FunctionDescriptor.ofVoid(ADDRESS));
            h[17] = lib.bindCritical("EVP_CIPHER_CTX_ctrl", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
            FunctionDescriptor init = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
            FunctionDescriptor update = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT);
            FunctionDescriptor fin = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
            h[18] = lib.bindCritical("EVP_EncryptInit_ex", init);
            h[19] = lib.bindCritical("EVP_EncryptUpdate", update);
            h[20] = lib.bindCritical("EVP_EncryptFinal_ex", fin);
            h[21] = lib.bindCritical("EVP_DecryptInit_ex", init);
            h[22] = lib.bindCritical("EVP_DecryptUpdate", update);
            h[23] = lib.bindCritical("EVP_DecryptFinal_ex", fin);
        } catch (Throwable e) {
            failure = "libcrypto unavailable: " + e.getMessage();
            java.util.Arrays.fill(h, null);
        }
        FAILURE = failure;
        VERSION = version;
        BLAKE2BMAC = blake;
        SIZE_32_PARAMS = params;
        MAC_CTX_NEW = h[0];
        MAC_CTX_FREE = h[1];
        MAC_CTX_SET_PARAMS = h[2];
        MAC_INIT = h[3];
        MAC_UPDATE = h[4];
        MAC_FINAL = h[5];
        PKEY_NEW_RAW_PRIVATE = h[6];
        PKEY_NEW_RAW_PUBLIC = h[7];
        PKEY_CTX_NEW = h[8];
        PKEY_CTX_FREE = h[9];
        PKEY_FREE = h[10];
        DERIVE_INIT = h[11];
        DERIVE_SET_PEER = h[12];
        DERIVE = h[13];
        ERR_CLEAR = h[14];
        AES_256_GCM = gcm;
        AES_128_CTR = ctr;
        CIPHER_CTX_NEW = h[15];
        CIPHER_CTX_FREE = h[16];
        CIPHER_CTX_CTRL = h[17];
        ENCRYPT_INIT = h[18];
        ENCRYPT_UPDATE = h[19];
        ENCRYPT_FINAL = h[20];
        DECRYPT_INIT = h[21];
        DECRYPT_UPDATE = h[22];
        DECRYPT_FINAL = h[23];
        NativeStatus.report("libcrypto", FAILURE);
    }

    private OpenSslLib() {}

    /** A cipher fetched once by name (an unfetched EVP_aes_*() is looked up again at every init). */
    private static MemorySegment fetchCipher(MethodHandle fetch, String name, String version) throws Throwable {
        MemorySegment cipher = (MemorySegment) fetch.invokeExact(MemorySegment.NULL, Arena.global().allocateFrom(name),
                MemorySegment.NULL);
        if (cipher.equals(MemorySegment.NULL)) throw new IllegalStateException("no " + name + " in " + version);
        return cipher;
    }

    private static MemorySegment sizeParams(long size) {
        Arena arena = Arena.global();
        MemorySegment value = arena.allocate(JAVA_LONG);
        value.set(JAVA_LONG, 0, size);
        MemorySegment array = arena.allocate(OSSL_PARAM, 2); // zero-filled: the second entry ends the list
        array.set(ADDRESS, 0, arena.allocateFrom("size"));
        array.set(JAVA_INT, 8, OSSL_PARAM_UNSIGNED_INTEGER);
        array.set(ADDRESS, 16, value);
        array.set(JAVA_LONG, 24, JAVA_LONG.byteSize());
        array.set(JAVA_LONG, 32, -1L); // OSSL_PARAM_UNMODIFIED
        return array;
    }

    /** A new EVP_CIPHER_CTX, freed when {@code owner} is collected. */
    static MemorySegment newCipherContext(Object owner) {
        MemorySegment ctx;
        try {
            ctx = (MemorySegment) CIPHER_CTX_NEW.invokeExact();
        } catch (Throwable e) {
            throw NativeStatus.downcallFailed("EVP_CIPHER_CTX_new", e);
        }
        if (ctx.equals(MemorySegment.NULL)) throw new IllegalStateException("EVP_CIPHER_CTX_new failed");
        CLEANER.register(owner, () -> freeCipherContext(ctx));
        return ctx;
    }

    private static void freeCipherContext(MemorySegment ctx) {
        try {
            CIPHER_CTX_FREE.invokeExact(ctx);
        } catch (Throwable e) {
            throw NativeStatus.downcallFailed("EVP_CIPHER_CTX_free", e);
        }
    }

    /** Drops OpenSSL's per-thread error queue after an expected failure, so it cannot grow. */
    static void clearErrors() {
        try {
            ERR_CLEAR.invokeExact();
        } catch (Throwable e) {
            throw NativeStatus.downcallFailed("ERR_clear_error", e);
        }
    }
}
