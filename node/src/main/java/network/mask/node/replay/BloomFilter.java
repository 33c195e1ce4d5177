package network.mask.node.replay;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Bloom filter of 32-byte replay tags. The tags are already uniformly random (HKDF output),
 * so their bytes serve as the two base hashes of Kirsch–Mitzenmacher double hashing.
 * The bits live off-heap: a filter sized for a day of traffic is far larger than the node's
 * heap, and native memory is only committed as pages are touched.
 * <p>
 * {@link #add} is safe from many threads: bits are set with atomic OR, and the same tag
 * arriving twice at once is serialized by a stripe lock, so exactly one copy is "new".
 */
public final class BloomFilter implements AutoCloseable {

    private static final VarHandle WORD = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle TAG_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int STRIPES = 64;

    private final BloomSizing sizing;
    private final Arena arena;
    private final MemorySegment bits;
    private final LongAdder insertions = new LongAdder();
    private final Object[] stripes = new Object[STRIPES];

    public BloomFilter(BloomSizing sizing) {
        this(sizing, 0);
    }

    BloomFilter(BloomSizing sizing, long initialInsertions) {
        this.sizing = sizing;
        this.arena = Arena.ofShared();
        this.bits = arena.allocate(sizing.memoryBytes(), Long.BYTES);  // zero-filled
        this.insertions.add(initialInsertions);
        for (int i = 0; i < STRIPES; i++) stripes[i] = new Object();
    }

    /** Records {@code tag} and answers whether it was new (false: seen before, or a false positive). */
    public boolean add(byte[] tag) {
        long h1 = (long) TAG_LONG.get(tag, 0);
        long h2 = (long) TAG_LONG.get(tag, 8) | 1;
        long m = sizing.bitCount();
        boolean fresh = false;
        synchronized (stripes[tag[16] & (STRIPES - 1)]) {
            long h = h1;
            for (int i = 0; i < sizing.hashes(); i++, h += h2) {
                long bit = Long.remainderUnsigned(h, m);
                long mask = 1L << (bit & 63);
                long previous = (long) WORD.getAndBitwiseOr(bits, (bit >>> 6) << 3, mask);
                if ((previous & mask) == 0) fresh = true;
            }
        }
        if (fresh) insertions.increment();
        return fresh;
    }

    /** Whether {@code tag} may have been added; never false for an added tag. */
    public boolean mightContain(byte[] tag) {
        long h1 = (long) TAG_LONG.get(tag, 0);
        long h2 = (long) TAG_LONG.get(tag, 8) | 1;
        long m = sizing.bitCount();
        long h = h1;
        for (int i = 0; i < sizing.hashes(); i++, h += h2) {
            long bit = Long.remainderUnsigned(h, m);
            long word = (long) WORD.getVolatile(bits, (bit >>> 6) << 3);
            if ((word & (1L << (bit & 63))) == 0) return false;
        }
        return true;
    }

    public BloomSizing sizing() {
        return sizing;
    }

    /** Tags added so far (each new tag once). */
    public long insertions() {
        return insertions.sum();
    }

    /** Share of the designed capacity used; above 1 the false-positive rate exceeds its target. */
    public double fill() {
        return (double) insertions() / sizing.expectedInsertions();
    }

    /** The raw bit array, for persistence. Bits only ever go from 0 to 1. */
    MemorySegment bits() {
        return bits;
    }

    @Override
    public void close() {
        arena.close();
    }
}
