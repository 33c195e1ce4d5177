package network.mask.node.sphinx.crypto.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** Opens a system library by one of its sonames and binds functions from it. */
final class NativeLibrary {

    /** {@code -Dmasknode.sphinx.native=off} keeps every native library unloaded (diagnosis, tests). */
    static final String SWITCH = "masknode.sphinx.native";

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option CRITICAL = Linker.Option.critical(true);

    private final String soname;
    private final SymbolLookup lookup;

    private NativeLibrary(String soname, SymbolLookup lookup) {
        this.soname = soname;
        this.lookup = lookup;
    }

    /**
     * Opens the first of {@code sonames} the dynamic loader finds.
     *
     * @throws IllegalStateException naming every soname tried, when none loads or size_t is not 64-bit
     */
    static NativeLibrary open(String... sonames) {
        if ("off".equals(System.getProperty(SWITCH))) throw new IllegalStateException("disabled by -D" + SWITCH + "=off");
        if (ValueLayout.JAVA_LONG.byteSize() != LINKER.canonicalLayouts().get("size_t").byteSize()) {
            throw new IllegalStateException("size_t is not 64-bit on this platform");
        }
        List<String> failures = new ArrayList<>();
        for (String soname : sonames) {
            try {
                return new NativeLibrary(soname, SymbolLookup.libraryLookup(soname, Arena.global()));
            } catch (IllegalArgumentException | IllegalCallerException e) {
                failures.add(soname + ": " + e.getMessage());
            }
        }
        throw new IllegalStateException(String.join("; ", failures));
    }

    String soname() {
        return soname;
    }

    /** A plain downcall: arguments must be native segments. */
    MethodHandle bind(String function, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol(function), descriptor);
    }

    /**
     * A critical downcall: may take heap {@code byte[]} segments directly. Only for short calls
     * that never call back into Java.
     */
    MethodHandle bindCritical(String function, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol(function), descriptor, CRITICAL);
    }

    private MemorySegment symbol(String function) {
        return lookup.find(function).orElseThrow(
                () -> new NoSuchElementException(soname + " has no symbol " + function));
    }

    /** A heap segment over {@code array[off..+len)}. */
    static MemorySegment heap(byte[] array, int off, int len) {
        return MemorySegment.ofArray(array).asSlice(off, len);
    }
}
