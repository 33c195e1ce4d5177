package network.mask.node.replay;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
import network.mask.node.storage.AtomicFiles;

/**
 * The on-disk form of one key's replay filter. Written atomically (a power cut leaves the
 * previous complete file) and checked with CRC32C when read.
 * <pre>
 * "MNREPLAY" | u32 format=1 | u64 rotation id | u64 bits | u32 hashes | u64 expected tags
 * | u64 insertions | u64 saved-at epoch ms | bits (little-endian 64-bit words) | u32 CRC32C of all before
 * </pre>
 */
public final class ReplayStateFile {

    private static final byte[] MAGIC = "MNREPLAY".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    static final int HEADER_LENGTH = 8 + 4 + 8 + 8 + 4 + 8 + 8 + 8;
    private static final int CHUNK = 1 << 20;

    private ReplayStateFile() {}

    /** What was read: the filter and the rotation id it belongs to. */
    public record Loaded(long rotationId, BloomFilter filter) {}

    /**
     * Saves {@code filter} while other threads may still add to it. The copy is taken in chunks;
     * because bits only turn on, the saved filter holds at least every tag added before the save began.
     */
    public static void save(Path file, long rotationId, BloomFilter filter, long savedAtMillis) throws IOException {
        BloomSizing sizing = filter.sizing();
        ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.BIG_ENDIAN);
        header.put(MAGIC).putInt(FORMAT).putLong(rotationId).putLong(sizing.bitCount()).putInt(sizing.hashes())
                .putLong(sizing.expectedInsertions()).putLong(filter.insertions()).putLong(savedAtMillis).flip();
        AtomicFiles.write(file, AtomicFiles.OWNER_ONLY, channel -> {
            CRC32C crc = new CRC32C();
            crc.update(header.duplicate());
            while (header.hasRemaining()) channel.write(header);
            MemorySegment bits = filter.bits();
            ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK);
            for (long offset = 0; offset < bits.byteSize(); offset += CHUNK) {
                int n = (int) Math.min(CHUNK, bits.byteSize() - offset);
                chunk.clear().limit(n);
                MemorySegment.ofBuffer(chunk).copyFrom(bits.asSlice(offset, n));
                crc.update(chunk.duplicate());
                while (chunk.hasRemaining()) channel.write(chunk);
            }
            ByteBuffer trailer = ByteBuffer.allocate(4).putInt((int) crc.getValue()).flip();
            while (trailer.hasRemaining()) channel.write(trailer);
        });
    }

    /**
     * Reads a saved filter.
     *
     * @throws ReplayStateException when the file is not a complete, intact replay state
     */
    public static Loaded load(Path file) throws IOException, ReplayStateException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < HEADER_LENGTH + 4) throw new ReplayStateException(file, "too short (" + size + " bytes)");
            ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH);
            readFully(channel, header);
            header.flip();
            byte[] magic = new byte[MAGIC.length];
            header.get(magic);
            if (!Arrays.equals(magic, MAGIC)) throw new ReplayStateException(file, "not a replay state file");
            int format = header.getInt();
            if (format != FORMAT) throw new ReplayStateException(file, "unknown format " + format);
            long rotationId = header.getLong();
            long bitCount = header.getLong();
            int hashes = header.getInt();
            long expected = header.getLong();
            long insertions = header.getLong();
            header.getLong(); // saved at: informational
            if (bitCount <= 0 || bitCount % 64 != 0 || bitCount > BloomSizing.MAX_BITS || hashes < 1 || hashes > 64
                    || expected < 1 || insertions < 0) {
                throw new ReplayStateException(file, "implausible filter parameters");
            }
            if (size != HEADER_LENGTH + bitCount / 8 + 4) {
                throw new ReplayStateException(file, "length " + size + " does not match a filter of " + bitCount + " bits");
            }
            CRC32C crc = new CRC32C();
            crc.update(header.flip());
            BloomSizing sizing = new BloomSizing(expected, Double.NaN, bitCount, hashes);
            BloomFilter filter = new BloomFilter(sizing, insertions);
            try {
                MemorySegment bits = filter.bits();
                ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK);
                for (long offset = 0; offset < bits.byteSize(); offset += CHUNK) {
                    int n = (int) Math.min(CHUNK, bits.byteSize() - offset);
                    chunk.clear().limit(n);
                    readFully(channel, chunk);
                    chunk.flip();
                    crc.update(chunk.duplicate());
                    bits.asSlice(offset, n).copyFrom(MemorySegment.ofBuffer(chunk));
                }
                ByteBuffer trailer = ByteBuffer.allocate(4);
                readFully(channel, trailer);
                if (trailer.flip().getInt() != (int) crc.getValue()) {
                    throw new ReplayStateException(file, "checksum mismatch");
                }
                return new Loaded(rotationId, filter);
            } catch (IOException | ReplayStateException | RuntimeException e) {
                filter.close();
                throw e;
            }
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) throw new java.io.EOFException("unexpected end of file");
        }
    }

    static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }
}
