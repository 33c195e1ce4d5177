package network.mask.node.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a power cut leaves either the old or the new content, never a mix:
 * write a temp file in the same directory, fsync it, rename it over the target, fsync the
 * directory. Appliances lose power; every file the node writes goes through here.
 */
public final class AtomicFiles {

    /** Owner read/write only: keys, secrets, password hashes. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** Owner read/write, group and others read: non-secret state. */
    public static final Set<PosixFilePermission> OWNER_WRITE = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {}

    /** Atomically replaces {@code target} with {@code content}, owner-only (0600). */
    public static void writeSecret(Path target, byte[] content) throws IOException {
        write(target, content, OWNER_ONLY);
    }

    /** Atomically replaces {@code target} with {@code content} with the given permissions. */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        write(target, permissions, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) channel.write(buffer);
        });
    }

    /** Produces a file's content into a channel; used for content too large to build in memory first. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(WritableByteChannel channel) throws IOException;
    }

    /**
     * Atomically replaces {@code target} with what {@code writer} writes. If the writer throws,
     * the target is left as it was.
     */
    public static void write(Path target, Set<PosixFilePermission> permissions, ContentWriter writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = createTemp(dir, target.getFileName().toString(), permissions);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                writer.writeTo(channel);
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("filesystem of " + dir + " cannot rename atomically", e);
            }
            fsync(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path createTemp(Path dir, String name, Set<PosixFilePermission> permissions) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            try {
                // Created with the final mode so a secret is never readable by others, even briefly.
                return Files.createFile(temp, PosixFilePermissions.asFileAttribute(permissions));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 8) throw e;
            }
        }
    }

    /**
     * Deletes temp files a crash left behind in {@code dir} (a write interrupted before its
     * rename). Call at start, before writing there; the targets themselves are never touched.
     * Returns how many were removed.
     */
    public static int removeLeftoverTemps(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        int removed = 0;
        try (var entries = Files.newDirectoryStream(dir, ".*.tmp-*")) {
            for (Path p : entries) {
                if (p.getFileName().toString().matches("\\..+\\.tmp-[0-9a-f]+") && Files.deleteIfExists(p)) removed++;
            }
        }
        return removed;
    }

    /** Makes a deletion (or rename) of {@code file} durable: fsyncs its directory. */
    public static void fsyncDirectoryOf(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(dir)) fsync(dir);
    }

    /** Forces a file's content, or a directory's entries (a completed rename or deletion), to the disk. */
    public static void fsync(Path fileOrDirectory) throws IOException {
        try (FileChannel channel = FileChannel.open(fileOrDirectory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
