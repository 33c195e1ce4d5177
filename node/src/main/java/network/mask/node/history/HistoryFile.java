package network.mask.node.history;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import network.mask.node.storage.AtomicFiles;

/**
 * The history's on-disk form: gzip (whose CRC-32 and length catch a cut or flipped file) around
 * {@code "MNHI"}, a format version and the rings in a fixed order. Quiet hours compress to almost
 * nothing; a busy 48 h stays well under the raw 59 KiB (measured figures in docs/history.md).
 * Written whole through {@link AtomicFiles}, so a power cut leaves the old or the new file.
 */
public final class HistoryFile {

    static final int MAGIC = 0x4D4E4849;   // "MNHI"
    static final int VERSION = 1;
    /** Far above any real file (~59 KiB raw); a larger one is refused before it can fill the heap. */
    private static final int MAX_RAW_BYTES = 1 << 20;

    private HistoryFile() {}

    public static byte[] encode(HistoryRing r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(r.firstStartEpochSecond);
            out.writeLong(r.totalIn);
            out.writeLong(r.totalOut);
            out.writeLong(r.totalDropped);
            out.writeLong(r.lastMinute);
            out.writeLong(r.lastHour);
            out.writeLong(r.lastDay);
            for (int[] ring : new int[][] {r.minuteIn, r.minuteOut, r.minuteDropped}) for (int v : ring) out.writeInt(v);
            out.write(r.minuteFlags);
            for (short t : r.minuteTemperature) out.writeShort(t);
            for (long[] ring : new long[][] {r.hourIn, r.hourOut, r.hourDropped}) for (long v : ring) out.writeLong(v);
            out.write(r.hourMinutesUp);
            out.write(r.hourMinutesSeen);
            for (long v : r.dayRewards) out.writeLong(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // in memory: cannot happen
        }
        return bytes.toByteArray();
    }

    public static HistoryRing decode(byte[] file) throws HistoryFileException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(file)))) {
            if (in.readInt() != MAGIC) throw new HistoryFileException(HistoryFileException.Reason.NOT_A_HISTORY_FILE, "not a history file", null);
            int version = in.readInt();
            if (version != VERSION) {
                throw new HistoryFileException(HistoryFileException.Reason.UNSUPPORTED_VERSION, "history format " + version
                        + " is newer than this firmware's " + VERSION, null);
            }
            HistoryRing r = new HistoryRing();
            r.firstStartEpochSecond = in.readLong();
            r.totalIn = nonNegative(in.readLong());
            r.totalOut = nonNegative(in.readLong());
            r.totalDropped = nonNegative(in.readLong());
            r.lastMinute = in.readLong();
            r.lastHour = in.readLong();
            r.lastDay = in.readLong();
            if (r.lastMinute >= 0 && (r.lastHour != Math.floorDiv(r.lastMinute, 60) || r.lastDay != Math.floorDiv(r.lastMinute, 1440))) {
                throw corrupt("its minute, hour and day do not agree", null);
            }
            for (int[] ring : new int[][] {r.minuteIn, r.minuteOut, r.minuteDropped}) {
                for (int i = 0; i < ring.length; i++) ring[i] = (int) nonNegative(in.readInt());
            }
            in.readFully(r.minuteFlags);
            for (int i = 0; i < r.minuteTemperature.length; i++) r.minuteTemperature[i] = in.readShort();
            for (long[] ring : new long[][] {r.hourIn, r.hourOut, r.hourDropped}) {
                for (int i = 0; i < ring.length; i++) ring[i] = nonNegative(in.readLong());
            }
            in.readFully(r.hourMinutesUp);
            in.readFully(r.hourMinutesSeen);
            for (int i = 0; i < r.dayRewards.length; i++) r.dayRewards[i] = in.readLong();
            if (in.read() != -1) throw corrupt("it has bytes after its end", null);
            return r;
        } catch (EOFException | ZipException e) {
            throw corrupt("it is cut short or damaged (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw corrupt(e.toString(), e);
        }
    }

    /** Writes atomically (temp file, fsync, rename); the history is not secret, so 0644. */
    public static void save(Path file, HistoryRing r) throws IOException {
        AtomicFiles.write(file, encode(r), AtomicFiles.OWNER_WRITE);
    }

    static int maxBytes() {
        return MAX_RAW_BYTES;
    }

    private static long nonNegative(long v) throws HistoryFileException {
        if (v < 0) throw corrupt("a counter is negative", null);
        return v;
    }

    private static HistoryFileException corrupt(String why, Throwable cause) {
        return new HistoryFileException(HistoryFileException.Reason.CORRUPT, "history file damaged: " + why, cause);
    }
}
