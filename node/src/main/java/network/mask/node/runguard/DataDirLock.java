package network.mask.node.runguard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An exclusive OS lock on {@code <data dir>/masknode.lock} for as long as a node runs on that
 * directory, so a second {@code masknode run} cannot reload the same replay state or keys. The
 * operating system drops the lock when the process ends in any way (kill -9 included), so a
 * stale lock never blocks a start. The file also names the holder (pid and ports) for the
 * message the second start prints. It is written in place, not atomically: the lock belongs to
 * this inode, and the text is only a hint (a torn write spoils the message, nothing else).
 */
public final class DataDirLock implements AutoCloseable {

    public static final String FILE = "masknode.lock";
    private static final int MAX_NOTE = 512;

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another process holds the lock; {@link #holder()} is what it wrote, possibly empty. */
    public static final class HeldElsewhere extends Exception {
        private final Path dataDir;
        private final String holder;

        HeldElsewhere(Path dataDir, String holder) {
            super(dataDir + " is in use by another Mask Node" + (holder.isEmpty() ? "" : " (" + holder + ")"));
            this.dataDir = dataDir;
            this.holder = holder;
        }

        public Path dataDir() {
            return dataDir;
        }

        public String holder() {
            return holder;
        }
    }

    /**
     * Takes the lock and records {@code note} (e.g. "pid 12, mix port 1789") for a second start to read.
     *
     * @throws HeldElsewhere if another process runs on this directory
     * @throws IOException   if the directory cannot hold the lock file
     */
    public static DataDirLock acquire(Path dataDir, String note) throws HeldElsewhere, IOException {
        Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = dataDir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;   // this very JVM holds it already (a test, or a second run in-process)
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = readNote(channel);
            channel.close();
            throw new HeldElsewhere(dataDir, holder);
        }
        byte[] text = (note.strip() + "\n").getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text), 0);
        return new DataDirLock(channel, lock);
    }

    private static String readNote(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(MAX_NOTE);
            channel.read(buf, 0);
            String s = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
            return s.chars().allMatch(c -> c >= 0x20 && c != 0x7f) ? s : "";   // only a line of plain text reaches the terminal
        } catch (IOException e) {
            return "";
        }
    }

    /** Releases the lock; the file stays (deleting it would race a start that just opened it). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close releases it too
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
