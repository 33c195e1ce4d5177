package network.mask.node.daemon;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Hands memory that glibc's malloc keeps after {@code free} back to the OS, as the JVM's
 * {@code -XX:TrimNativeHeapInterval} does. The JIT, the JVM and the native crypto libraries free
 * short-lived blocks in per-thread arenas that glibc does not return by itself; on a node with
 * a 64 MB heap that is 10-20 MB of resident memory. Absent on other C libraries: then a no-op.
 */
final class NativeHeapTrimmer {

    private static final System.Logger LOG = System.getLogger(NativeHeapTrimmer.class.getName());
    private static final Optional<MethodHandle> MALLOC_TRIM = lookup();

    private NativeHeapTrimmer() {}

    private static Optional<MethodHandle> lookup() {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("malloc_trim").map(address -> linker.downcallHandle(address,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG)));
        } catch (RuntimeException | LinkageError e) {   // no native access granted, or an exotic platform
            LOG.log(System.Logger.Level.DEBUG, "malloc_trim unavailable: " + e);
            return Optional.empty();
        }
    }

    static boolean available() {
        return MALLOC_TRIM.isPresent();
    }

    /** Calls {@code malloc_trim(0)}; never throws. */
    static void trim() {
        MALLOC_TRIM.ifPresent(handle -> {
            try {
                int ignored = (int) handle.invokeExact(0L);
            } catch (Throwable e) {
                LOG.log(System.Logger.Level.DEBUG, "malloc_trim failed: " + e);
            }
        });
    }
}
