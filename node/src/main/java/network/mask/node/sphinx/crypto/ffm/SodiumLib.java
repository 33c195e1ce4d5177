package network.mask.node.sphinx.crypto.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * libsodium bindings, loaded once per process. The handles are static finals so the JIT can
 * inline the downcalls; they are null when the library is missing ({@link #FAILURE} says why).
 */
final class SodiumLib {

    static final String FAILURE;
    static final String VERSION;
    /** {@code int crypto_scalarmult(q, n, p)}: clamps n; -1 for an all-zero result. */
    static final MethodHandle SCALARMULT;
    /** {@code int crypto_generichash(out, outlen, in, inlen, key, keylen)}: keyed BLAKE2b. */
    static final MethodHandle GENERICHASH;
    /** {@code int crypto_stream_chacha20_xor(c, m, mlen, n8, k)}: original DJB ChaCha20. */
    static final MethodHandle CHACHA20_XOR;

    static {
        String failure = null;
        String version = "";
        MethodHandle scalarmult = null;
        MethodHandle generichash = null;
        MethodHandle chacha = null;
        try {
            NativeLibrary lib = NativeLibrary.open("libsodium.so.23", "libsodium.so.26", "libsodium.so");
            MethodHandle init = lib.bind("sodium_init", FunctionDescriptor.of(JAVA_INT));
            // sodium_init picks the CPU-specific code (AVX X25519); without it libsodium stays on ref10.
            int rc = (int) init.invokeExact();
            if (rc < 0) throw new IllegalStateException("sodium_init() failed");
            MethodHandle versionString = lib.bind("sodium_version_string", FunctionDescriptor.of(ADDRESS));
            version = ((MemorySegment) versionString.invokeExact()).reinterpret(64).getString(0);
            scalarmult = lib.bindCritical("crypto_scalarmult",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
            generichash = lib.bindCritical("crypto_generichash",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG));
            chacha = lib.bindCritical("crypto_stream_chacha20_xor",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));
        } catch (Throwable e) {
            failure = "libsodium unavailable: " + e.getMessage();
            scalarmult = generichash = chacha = null;
        }
        FAILURE = failure;
        VERSION = version;
        SCALARMULT = scalarmult;
        GENERICHASH = generichash;
        CHACHA20_XOR = chacha;
        NativeStatus.report("libsodium", FAILURE);
    }

    private SodiumLib() {}
}
