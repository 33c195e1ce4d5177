package network.mask.node.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.CRC32C;
import network.mask.node.metrics.Event;
import network.mask.node.metrics.MixMetrics;

/**
 * The replay tags accepted since the last snapshot, appended to disk in batches so that a crash
 * or power cut reopens at most one flush interval of packets instead of everything since the last
 * snapshot. Workers only copy 16 bytes into memory ({@link #record}); a timer thread writes and
 * fsyncs ({@link #flush}). After every complete snapshot the segments it covers are deleted.
 *
 * <p>Only the first {@value #TAG_BYTES} bytes of a tag are kept: {@link BloomFilter} derives every
 * bit from them, so re-adding the prefix sets exactly the bits the whole tag set.
 * <pre>
 * segment file journal-&lt;seq, 16 hex&gt;.log: batch*
 * batch: "MNJ1" | u32 rotation id | u32 count | count x 16-byte tag prefix | u32 CRC32C of all before
 * </pre>
 * A batch cut short by a crash fails its CRC; reading a segment stops there.
 */
public final class ReplayJournal implements AutoCloseable {

    static final int TAG_BYTES = 16;
    private static final int MAGIC = 0x4D4E4A31;   // "MNJ1"
    private static final int BATCH_HEADER = 12;
    private static final int MAX_BATCH_TAGS = 1 << 16;
    private static final String PREFIX = "journal-";
    private static final String SUFFIX = ".log";
    private static final System.Logger LOG = System.getLogger(ReplayJournal.class.getName());

    private final Path dir;
    private final MixMetrics metrics;
    private final long maxPendingTags;
    private final Object pendingLock = new Object();
    private final Object ioLock = new Object();
    private Map<Long, TagBuffer> pending = new LinkedHashMap<>();
    private long pendingTags;
    private long seq;
    private FileChannel channel;
    private boolean failing;
    private final LongAdder bytesWritten = new LongAdder();
    private final LongAdder fsyncs = new LongAdder();
    private final LongAdder tagsWritten = new LongAdder();
    private final LongAdder tagsLost = new LongAdder();

    /**
     * Opens a new segment after every one already in {@code dir} (which {@link #replay} should
     * have read first).
     *
     * @param maxPendingTags tags held in memory between flushes; beyond that, tags are counted as
     *                       lost (the disk is not keeping up) rather than slowing the workers
     */
    public ReplayJournal(Path dir, MixMetrics metrics, long maxPendingTags) throws IOException {
        this.dir = dir;
        this.metrics = metrics;
        this.maxPendingTags = maxPendingTags;
        Files.createDirectories(dir);
        this.seq = segments(dir).stream().mapToLong(ReplayJournal::seqOf).max().orElse(0) + 1;
        this.channel = open(seq);
    }

    static String fileName(long seq) {
        return String.format("%s%016x%s", PREFIX, seq, SUFFIX);
    }

    /** Keeps a freshly accepted tag for the next flush. Called by the workers: never blocks on I/O. */
    public void record(long rotationId, byte[] tag) {
        synchronized (pendingLock) {
            if (pendingTags >= maxPendingTags) {
                tagsLost.increment();
                metrics.event(Event.REPLAY_JOURNAL_TAGS_LOST);
                return;
            }
            pending.computeIfAbsent(rotationId, id -> new TagBuffer()).add(tag);
            pendingTags++;
        }
    }

    /**
     * Writes what was recorded since the last flush and fsyncs it (one fsync, none when nothing
     * was recorded). A failure is logged once per run of failures, counted, and the next flush
     * goes to a fresh segment so that the damaged tail of this one cannot hide later batches.
     *
     * @return whether everything recorded so far is on disk
     */
    public boolean flush() {
        synchronized (ioLock) {
            Map<Long, TagBuffer> batch;
            synchronized (pendingLock) {
                if (pendingTags == 0) return !failing;
                batch = pending;
                pending = new LinkedHashMap<>();
                pendingTags = 0;
            }
            long tags = batch.values().stream().mapToLong(b -> b.count).sum();
            try {
                if (channel == null) channel = open(++seq);
                long bytes = 0;
                for (Map.Entry<Long, TagBuffer> e : batch.entrySet()) bytes += write(channel, e.getKey(), e.getValue());
                channel.force(false);
                bytesWritten.add(bytes);
                fsyncs.increment();
                tagsWritten.add(tags);
                metrics.event(Event.REPLAY_JOURNAL_TAGS_WRITTEN, tags);
                metrics.event(Event.REPLAY_JOURNAL_FSYNCS);
                if (failing) LOG.log(System.Logger.Level.INFO, "replay journal writes work again");
                failing = false;
                return true;
            } catch (IOException | RuntimeException e) {
                tagsLost.add(tags);
                metrics.event(Event.REPLAY_JOURNAL_WRITE_FAILED);
                metrics.event(Event.REPLAY_JOURNAL_TAGS_LOST, tags);
                if (!failing) {
                    LOG.log(System.Logger.Level.ERROR, "could not write the replay journal (" + e.getMessage() + "): packets"
                            + " accepted now could be replayed after a power cut. Free space on the SD card; the last"
                            + " saved replay state is kept. Further failures are only counted (replay_journal_write_failed)");
                }
                failing = true;
                closeQuietly();
                channel = null;   // the next flush starts a new segment
                return false;
            }
        }
    }

    /**
     * Flushes and starts a new segment; returns the number of the last segment that a snapshot
     * begun after this call covers. Pass it to {@link #deleteThrough} once the snapshot is complete.
     */
    public long rollOver() throws IOException {
        synchronized (ioLock) {
            flush();
            closeQuietly();
            long covered = seq;
            channel = null;
            channel = open(++seq);
            return covered;
        }
    }

    /** Deletes every segment numbered {@code lastCovered} or below: a snapshot holds their tags. */
    public void deleteThrough(long lastCovered) throws IOException {
        for (Path p : segments(dir)) {
            if (seqOf(p) <= lastCovered) Files.deleteIfExists(p);
        }
    }

    /**
     * Reads every segment in {@code dir}, oldest first, and hands each tag prefix (padded to 32
     * bytes) with its rotation id to {@code sink}. A torn or damaged batch ends its segment.
     *
     * @return the number of tags read
     */
    public static long replay(Path dir, TagSink sink) throws IOException {
        long count = 0;
        for (Path p : segments(dir)) {
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                count += replaySegment(p, ch, sink);
            }
        }
        return count;
    }

    /** Receives replayed tags. */
    @FunctionalInterface
    public interface TagSink {
        void accept(long rotationId, byte[] tag);
    }

    private static long replaySegment(Path file, FileChannel ch, TagSink sink) throws IOException {
        long count = 0;
        ByteBuffer header = ByteBuffer.allocate(BATCH_HEADER).order(ByteOrder.BIG_ENDIAN);
        while (true) {
            header.clear();
            if (!readFully(ch, header)) return count;
            header.flip();
            int magic = header.getInt();
            long rotationId = Integer.toUnsignedLong(header.getInt());
            int n = header.getInt();
            if (magic != MAGIC || n <= 0 || n > MAX_BATCH_TAGS) return torn(file, count);
            ByteBuffer body = ByteBuffer.allocate(n * TAG_BYTES + 4).order(ByteOrder.BIG_ENDIAN);
            if (!readFully(ch, body)) return torn(file, count);
            body.flip();
            CRC32C crc = new CRC32C();
            crc.update(header.flip());
            crc.update(body.slice(0, n * TAG_BYTES));
            if (body.getInt(n * TAG_BYTES) != (int) crc.getValue()) return torn(file, count);
            for (int i = 0; i < n; i++) {
                byte[] tag = new byte[32];
                body.get(i * TAG_BYTES, tag, 0, TAG_BYTES);
                sink.accept(rotationId, tag);
            }
            count += n;
        }
    }

    private static long torn(Path file, long count) {
        LOG.log(System.Logger.Level.INFO, "replay journal {0} ends in an incomplete batch (a crash while writing); "
                + "the {1} tags before it were read", file.getFileName(), count);
        return count;
    }

    private static long write(FileChannel ch, long rotationId, TagBuffer tags) throws IOException {
        long bytes = 0;
        for (int from = 0; from < tags.count; from += MAX_BATCH_TAGS) {
            int n = Math.min(MAX_BATCH_TAGS, tags.count - from);
            ByteBuffer b = ByteBuffer.allocate(BATCH_HEADER + n * TAG_BYTES + 4).order(ByteOrder.BIG_ENDIAN);
            b.putInt(MAGIC).putInt((int) rotationId).putInt(n).put(tags.bytes, from * TAG_BYTES, n * TAG_BYTES);
            CRC32C crc = new CRC32C();
            crc.update(b.array(), 0, b.position());
            b.putInt((int) crc.getValue()).flip();
            bytes += b.remaining();
            while (b.hasRemaining()) ch.write(b);
        }
        return bytes;
    }

    private FileChannel open(long s) throws IOException {
        Path p = dir.resolve(fileName(s));
        if (Files.notExists(p)) Files.createFile(p, PosixFilePermissions.asFileAttribute(
                network.mask.node.storage.AtomicFiles.OWNER_ONLY));
        return FileChannel.open(p, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private static List<Path> segments(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path p : files) if (seqOf(p) >= 0) out.add(p);
        }
        out.sort((a, b) -> Long.compare(seqOf(a), seqOf(b)));
        return out;
    }

    private static long seqOf(Path p) {
        String n = p.getFileName().toString();
        try {
            return Long.parseUnsignedLong(n.substring(PREFIX.length(), n.length() - SUFFIX.length()), 16);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static boolean readFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) return false;
        }
        return true;
    }

    private void closeQuietly() {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing after a failed write: nothing more to save
        }
    }

    /** Bytes written to the journal (batch headers included). */
    public long bytesWritten() { return bytesWritten.sum(); }

    /** fsync calls made. */
    public long fsyncs() { return fsyncs.sum(); }

    /** Tags durably written. */
    public long tagsWritten() { return tagsWritten.sum(); }

    /** Tags that never reached the disk (write failures, or a disk too slow for the pending bound). */
    public long tagsLost() { return tagsLost.sum(); }

    /** Flushes and closes the current segment. */
    @Override
    public void close() {
        synchronized (ioLock) {
            flush();
            closeQuietly();
            channel = null;
        }
    }

    /** A growable run of 16-byte tag prefixes. */
    private static final class TagBuffer {
        byte[] bytes = new byte[64 * TAG_BYTES];
        int count;

        void add(byte[] tag) {
            if ((count + 1) * TAG_BYTES > bytes.length) bytes = Arrays.copyOf(bytes, bytes.length * 2);
            System.arraycopy(tag, 0, bytes, count * TAG_BYTES, TAG_BYTES);
            count++;
        }
    }
}
