package network.mask.node.noise;

import java.util.function.Supplier;
import network.mask.node.sphinx.SphinxEngines;
import network.mask.node.sphinx.crypto.AesGcm;
import network.mask.node.sphinx.crypto.SphinxCrypto;

/**
 * Where a {@link CipherState} gets its AES-256-GCM: the calling thread's instance. Instances are not
 * thread-safe, and one per thread rather than per link keeps a thousand links' cipher contexts (native
 * ones, for libcrypto) down to one per event-loop thread; a cipher call finishes before the thread runs
 * anything else, so links on one thread never share a call.
 */
@FunctionalInterface
public interface GcmSource {

    AesGcm current();

    /** One instance per thread, made by {@code factory} on that thread's first use. */
    static GcmSource perThread(Supplier<AesGcm> factory) {
        ThreadLocal<AesGcm> instances = ThreadLocal.withInitial(factory);
        return instances::get;
    }

    /**
     * The unmeasured choice ({@link SphinxCrypto#preferred()}, worked out once per process by
     * {@link SphinxEngines#preferred()}): libcrypto where it loads and passes, else the JDK.
     */
    GcmSource PREFERRED = perThread(() -> SphinxEngines.preferred().crypto().newAesGcm());
}
